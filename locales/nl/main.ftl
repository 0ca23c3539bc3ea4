# Harbour — user interface strings (Dutch).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Gratis en vertrouwelijke hulp voor slachtoffers van misdrijven, in jouw taal
skip-to-content = Naar de inhoud
quick-exit = Snel weg
quick-exit-hint = Verlaat deze site meteen (of druk op Esc)
quick-exit-about = Over ‘Snel weg’ en veilig blijven
language-switcher = Taal
nav-home = Start
nav-find-support = Hulp zoeken
nav-countries = Landen
nav-safety = Veilig online
footer-text = Harbour zet gratis en vertrouwelijke hulp voor slachtoffers in heel Europa op een rij. Harbour volgt je niet en gebruikt geen cookies.
footer-data = Gegevens: de bronnen staan bij elke hulporganisatie. Plaatsen: GeoNames (CC BY 4.0).
footer-api = Open data (HSDS-API)

home-title = Hulp voor slachtoffers van misdrijven
home-intro = Ben jij of iemand die dicht bij je staat slachtoffer van een misdrijf? Dan kun je gratis en vertrouwelijke hulp krijgen. Je hoeft niet eerst naar de politie.
home-emergency-heading = Nu in gevaar? Bel het alarmnummer
home-choose-country = Kies een land
home-show = Toon
emergency-general = 112 werkt in elk EU-land, gratis, vanaf elke telefoon.
emergency-number = Alarmnummer
emergency-unknown = We hebben de alarmnummers voor dit land nog niet gecontroleerd. In de EU werkt 112 altijd.
helpline-116006 = 116 006 – hulplijn voor slachtoffers van misdrijven
helpline-116006-yes = De hulplijn 116 006 werkt in dit land.
helpline-116006-no = De hulplijn 116 006 werkt (nog) niet in dit land.
helpline-116006-unknown = We weten niet of 116 006 in dit land werkt.
helpline-operator = Beheerd door: { $operator }
home-search-heading = Zoek een hulporganisatie
home-countries-heading = Hulp per land
unknown = Onbekend

search-title = Hulp zoeken
search-what = Wat zoek je? (niet verplicht)
search-what-hint = Bijvoorbeeld: huiselijk geweld, juridisch advies, de naam van een organisatie
search-crime-country = Waar is het gebeurd?
search-residence-country = Waar woon je?
search-any-country = Alle landen
search-near = In de buurt van een plaats (niet verplicht)
search-near-hint = We gebruiken dit alleen om op afstand te sorteren.
search-use-position = Gebruik mijn locatie
search-position-note = Je locatie wordt alleen verstuurd als je op de knop drukt. Hij wordt nooit bewaard en komt in geen enkel webadres.
search-position-used = Gesorteerd op afstand tot je locatie.
search-speak = Taal die je spreekt
search-speak-any = Alle talen
search-speak-only = Alleen organisaties waar de medewerkers deze taal spreken
search-filters = Meer filters
search-support-kind = Soort hulp
search-crime-kind = Wat is er gebeurd / voor wie
search-channel = Hoe je contact opneemt
search-accessibility = Toegankelijkheid
search-free = Alleen gratis
search-open-now = Nu open
search-24h = 24 uur open
search-submit = Zoeken
search-results = Resultaten
search-count = { $count ->
    [0] Geen hulporganisaties gevonden.
    [one] Eén hulporganisatie gevonden.
   *[other] { $count } hulporganisaties gevonden.
}
search-none-hint = Probeer het met minder filters. Alarmnummers en landelijke hulplijnen staan op de pagina van elk land.
search-section-crime = Waar het gebeurde: { $country }
search-section-residence = Waar je woont: { $country }
search-cross-border-note = Het misdrijf gebeurde in het ene land en je woont in een ander land. Je kunt in allebei hulp krijgen. Organisaties die over de grens heen helpen, staan bovenaan.
search-city-unknown = We konden de plaats ‘{ $place }’ niet vinden. Controleer de spelling of kies een land.
search-near-place = Gesorteerd op afstand tot { $place }.
page-previous = Vorige pagina
page-next = Volgende pagina
page-of = Pagina { $page } van { $pages }

service-contact = Contact opnemen
service-phone = Telefoon
service-website = Website
service-email = E-mail
service-hours = Openingstijden
service-hours-local = De tijden zijn in lokale tijd ({ $zone }).
service-hours-unknown = Openingstijden onbekend.
service-open-now = Nu open
service-closed-now = Nu gesloten
service-open-unknown = We weten niet of het nu open is.
service-24h = Dag en nacht open, elke dag
service-languages = Talen
service-languages-unknown = Talen: onbekend
service-cost = Kosten
service-free = Gratis
service-cost-unknown = Kosten: onbekend
service-channels = Manieren om contact op te nemen
service-accessibility = Toegankelijkheid
service-accessibility-unknown = Toegankelijkheid: onbekend
service-area = Werkgebied
service-nationwide = Heel het land: { $country }
service-kinds = Soort hulp
service-groups = Voor wie
service-organization = Uitgevoerd door
service-sources = Bronnen
service-verified = Laatst gecontroleerd: { $date }
service-verified-unknown = Laatst gecontroleerd: onbekend
service-confidential = Voor de veiligheid is het adres van deze plek geheim. Neem eerst telefonisch contact op.
service-translation-note = Deze tekst is niet beschikbaar in jouw taal.
service-translation-unreviewed = Deze tekst is met hulp van een computer vertaald en nog niet nagekeken door een moedertaalspreker.
service-not-found = Deze hulporganisatie bestaat niet of staat niet meer in de lijst.
service-distance = Ongeveer { $km } km hiervandaan
service-covers-place = Helpt in het hele land
service-cross-border = Helpt over de grens heen

country-title = Hulp voor slachtoffers: { $country }
country-emergency = Alarmnummers
country-helplines = Landelijke hulplijnen
country-helplines-none = We hebben nog geen landelijke hulplijn voor dit land.
country-services = Hulporganisaties
country-services-none = We hebben nog geen hulporganisaties voor dit land. De alarmnummers werken wel.
country-all-services = Zoek alle hulporganisaties ({ $country })
country-notes = Opmerkingen
country-sources = Bronnen
countries-title = Landen
country-group-eu = Europese Unie
country-group-eea = Europese Economische Ruimte
country-group-western_balkans = Westelijke Balkan
country-group-eastern = Oost-Europa en de Kaukasus
country-group-microstate = Kleine staten
country-group-other = Andere Europese landen
country-little-known = Harbour weet nog weinig over dit land.

safety-title = Veilig blijven: snel weg en privacy
safety-intro = Kan iemand je telefoon of computer bekijken? Dan kunnen deze tips helpen.
safety-exit-heading = Wat ‘Snel weg’ doet
safety-exit-does = De knop ‘Snel weg’ en de Esc-toets vervangen deze pagina meteen door een neutrale pagina. Met de terugknop kom je niet meer op de pagina waar je was.
safety-exit-limits-heading = Wat ‘Snel weg’ niet kan verbergen
safety-exit-limits = Je browsegeschiedenis wordt niet gewist. Pagina's die je eerder bezocht, kunnen nog in je geschiedenis staan. Iemand kan deze site ook zien in de lijst met onlangs geopende tabbladen.
safety-private-heading = Veiliger surfen
safety-private = Gebruik een privévenster of incognitovenster: dat bewaart geen geschiedenis als je het sluit. Of verwijder deze site daarna uit je geschiedenis.
safety-no-tracking-heading = Wat Harbour niet doet
safety-no-tracking = Harbour gebruikt geen cookies en geen trackers en laadt niets van andere websites. Je zoekopdrachten worden niet bewaard en komen niet in webadressen.
safety-device-heading = Als iemand je apparaat misschien in de gaten houdt
safety-device = Spyware kan alles zien wat je op een apparaat doet. Denk je dat iemand je apparaat in de gaten houdt? Gebruik dan een veiliger apparaat, bijvoorbeeld de telefoon van iemand die je vertrouwt of een computer in de bibliotheek.

exit-title = Weer
exit-text = Vandaag zacht met zonnige perioden. Weinig wind. Later deze week kans op buien.

error-title = Er ging iets mis
error-code = Foutcode: { $code }
error-request = Referentie van het verzoek: { $id }
error-back = Terug naar de startpagina
error-not-found = Deze pagina bestaat niet.
error-INTERNAL = Er ging bij ons iets mis. Probeer het nog eens.
error-DIRECTORY-0001 = Dit land kennen we niet.
error-DIRECTORY-0002 = Deze taal kennen we niet.
error-DIRECTORY-0003 = De gegevens in de lijst zijn niet geldig.
error-DIRECTORY-0004 = Een van de zoekopties is niet geldig.
error-DIRECTORY-0005 = Deze organisatie bestaat niet.
error-DIRECTORY-0006 = Deze hulporganisatie bestaat niet of staat niet meer in de lijst.
error-HTTP-0404 = Deze pagina bestaat niet.
error-HTTP-0405 = Deze actie is hier niet toegestaan.
error-CONFIG-0001 = Het adres van de database is niet geldig.

# Kinds of support
support-emotional = Emotionele steun
support-legal_information = Juridische informatie
support-legal_advice = Juridisch advies
support-practical = Praktische hulp
support-psychological = Psychologische hulp
support-court_accompaniment = Begeleiding naar de rechtbank
support-shelter = Veilige opvang
support-helpline = Hulplijn
support-online_chat = Online chat
support-compensation_help = Hulp bij schadevergoeding
support-restorative_justice = Herstelrecht
support-cross_border_referral = Hulp over de grens heen

# Kinds of crime / victim groups
crime-general = Alle slachtoffers van misdrijven
crime-domestic_violence = Huiselijk geweld
crime-sexual_violence = Seksueel geweld
crime-child_victims = Kinderen en jongeren
crime-trafficking = Mensenhandel
crime-hate_crime = Haatmisdrijven
crime-terrorism = Terrorisme
crime-homicide_bereaved = Nabestaanden na moord of doodslag
crime-road_traffic = Verkeersmisdrijven
crime-cybercrime = Online criminaliteit
crime-fraud = Oplichting

# Channels
channel-phone = Telefoon
channel-chat = Chat
channel-email = E-mail
channel-in_person = Persoonlijk

# Accessibility features
access-step_free = Toegang zonder drempels of trappen
access-sign_language = Gebarentaal
access-easy_read = Informatie in makkelijke taal
access-hearing_loop = Ringleiding
access-text_relay = Tekstbemiddeling
