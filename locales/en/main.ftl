# Harbour — user interface strings (English, the source catalogue).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Free, confidential help for victims of crime, in your language
skip-to-content = Skip to content
quick-exit = Quick exit
quick-exit-hint = Leave this site now (or press Esc)
quick-exit-about = About quick exit and staying safe
language-switcher = Language
nav-home = Home
nav-find-support = Find support
nav-countries = Countries
nav-safety = Staying safe online
footer-text = Harbour lists free, confidential victim support services across Europe. It does not track you and sets no cookies.
footer-data = Directory data: sources listed on each service. Places: GeoNames (CC BY 4.0).
footer-api = Open data (HSDS API)

home-title = Help for victims of crime
home-intro = If you or someone close to you has been a victim of crime, you can get free and confidential support. You do not have to report to the police first.
home-emergency-heading = In danger now? Call the emergency number
home-choose-country = Choose a country
home-show = Show
emergency-general = 112 works in every EU country, free of charge, from any phone.
emergency-number = Emergency number
emergency-unknown = We have not checked the emergency numbers for this country yet. In the EU, 112 always works.
helpline-116006 = 116 006 – helpline for victims of crime
helpline-116006-yes = The 116 006 helpline operates in this country.
helpline-116006-no = The 116 006 helpline does not operate in this country (yet).
helpline-116006-unknown = We do not know whether 116 006 operates in this country.
helpline-operator = Operated by: { $operator }
home-search-heading = Find a support service
home-countries-heading = Support by country
unknown = Not known

search-title = Find support
search-what = What are you looking for? (optional)
search-what-hint = For example: domestic violence, legal advice, a service name
search-crime-country = Where did it happen?
search-residence-country = Where do you live?
search-any-country = Any country
search-near = Near a town or city (optional)
search-near-hint = We only use this to sort services by distance.
search-use-position = Use my position
search-position-note = Your position is sent only when you press the button, is never stored, and is not put in any web address.
search-position-used = Sorted by distance from your position.
search-speak = Language you speak
search-speak-any = Any language
search-speak-only = Only services whose staff speak it
search-filters = More filters
search-support-kind = Kind of support
search-crime-kind = What happened / who it is for
search-channel = How to get in touch
search-accessibility = Accessibility
search-free = Free of charge only
search-open-now = Open now
search-24h = Open 24 hours
search-submit = Search
search-results = Results
search-count = { $count ->
    [0] No services found.
    [one] One service found.
   *[other] { $count } services found.
}
search-none-hint = Try fewer filters. Emergency numbers and national helplines are shown on each country page.
search-section-crime = Where it happened: { $country }
search-section-residence = Where you live: { $country }
search-cross-border-note = The crime happened in one country and you live in another. You can get support in both. Services that help across borders are shown first.
search-city-unknown = We could not find the place “{ $place }”. Check the spelling or choose a country.
search-near-place = Sorted by distance from { $place }.
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }

service-contact = How to contact
service-phone = Phone
service-website = Website
service-email = E-mail
service-hours = Opening hours
service-hours-local = Times are local time in { $zone }.
service-hours-unknown = Opening hours not known.
service-open-now = Open now
service-closed-now = Closed now
service-open-unknown = We cannot tell if it is open now.
service-24h = Open 24 hours, every day
service-languages = Languages spoken
service-languages-unknown = Languages spoken: not known
service-cost = Cost
service-free = Free of charge
service-cost-unknown = Cost: not known
service-channels = Ways to get in touch
service-accessibility = Accessibility
service-accessibility-unknown = Accessibility: not known
service-area = Area served
service-nationwide = Whole country: { $country }
service-kinds = Support offered
service-groups = Who it is for
service-organization = Run by
service-sources = Sources
service-verified = Last verified: { $date }
service-verified-unknown = Last verified: not known
service-confidential = For safety, the address of this place is kept confidential. Contact the service by phone first.
service-translation-note = This text is not available in your language.
service-translation-unreviewed = This text was translated with machine help and has not yet been checked by a native speaker.
service-not-found = This service does not exist or is no longer listed.
service-distance = About { $km } km away
service-covers-place = Serves the whole country
service-cross-border = Helps across borders

country-title = Support in { $country }
country-emergency = Emergency numbers
country-helplines = National helplines
country-helplines-none = We have no national helpline for this country yet.
country-services = Support services
country-services-none = We have no services for this country yet. Emergency numbers still work.
country-all-services = Search all services in { $country }
country-notes = Notes
country-sources = Sources
countries-title = Countries
country-group-eu = European Union
country-group-eea = European Economic Area
country-group-western_balkans = Western Balkans
country-group-eastern = Eastern Europe and the Caucasus
country-group-microstate = Small states
country-group-other = Other European states
country-little-known = Harbour knows little about this country yet.

safety-title = Staying safe: quick exit and privacy
safety-intro = If someone may check your phone or computer, these tips can help.
safety-exit-heading = What quick exit does
safety-exit-does = The quick exit button, and the Esc key, replace this page at once with a neutral page. The page you were on is removed from the back button.
safety-exit-limits-heading = What quick exit cannot hide
safety-exit-limits = It cannot delete your browsing history. Pages you visited before may still be listed in your history. Someone could also see this site in the list of recently opened tabs.
safety-private-heading = Safer browsing
safety-private = Use a private or incognito window: it keeps no history after you close it. Or delete this site from your history afterwards.
safety-no-tracking-heading = What Harbour does not do
safety-no-tracking = Harbour sets no cookies, uses no trackers, and loads nothing from other websites. Your searches are not stored and are not put in web addresses.
safety-device-heading = If your device may be monitored
safety-device = Spyware can see everything you do on a device. If you think your device is monitored, use a safer device, for example a friend's phone or a library computer.

exit-title = Weather
exit-text = Mild with sunny spells today. Light winds. Showers possible later this week.

error-title = Something went wrong
error-code = Error code: { $code }
error-request = Request reference: { $id }
error-back = Back to the home page
error-not-found = This page does not exist.
error-INTERNAL = Something went wrong on our side. Please try again.
error-DIRECTORY-0001 = This is not a country we know.
error-DIRECTORY-0002 = This is not a language we know.
error-DIRECTORY-0003 = The directory data is not valid.
error-DIRECTORY-0004 = One of the search options is not valid.
error-DIRECTORY-0005 = The organisation does not exist.
error-DIRECTORY-0006 = This service does not exist or is no longer listed.
error-HTTP-0404 = This page does not exist.
error-HTTP-0405 = This action is not allowed here.
error-CONFIG-0001 = The database address is not valid.

# Kinds of support
support-emotional = Emotional support
support-legal_information = Legal information
support-legal_advice = Legal advice
support-practical = Practical help
support-psychological = Psychological support
support-court_accompaniment = Going to court with you
support-shelter = Shelter
support-helpline = Helpline
support-online_chat = Online chat
support-compensation_help = Help with compensation
support-restorative_justice = Restorative justice
support-cross_border_referral = Help across borders

# Kinds of crime / victim groups
crime-general = All victims of crime
crime-domestic_violence = Domestic violence
crime-sexual_violence = Sexual violence
crime-child_victims = Children and young people
crime-trafficking = Human trafficking
crime-hate_crime = Hate crime
crime-terrorism = Terrorism
crime-homicide_bereaved = Families bereaved by homicide
crime-road_traffic = Road traffic crime
crime-cybercrime = Online crime
crime-fraud = Fraud

# Channels
channel-phone = Phone
channel-chat = Chat
channel-email = E-mail
channel-in_person = In person

# Accessibility features
access-step_free = Step-free access
access-sign_language = Sign language
access-easy_read = Easy-read information
access-hearing_loop = Hearing loop
access-text_relay = Text relay
