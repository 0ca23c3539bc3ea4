# Harbour — user interface strings (Romanian).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Ajutor gratuit și confidențial pentru victimele infracțiunilor, în limba dumneavoastră
skip-to-content = Salt la conținut
quick-exit = Ieșire rapidă
quick-exit-hint = Părăsiți acum acest site (sau apăsați Esc)
quick-exit-about = Despre ieșirea rapidă și siguranța dumneavoastră
language-switcher = Limba
nav-home = Acasă
nav-find-support = Găsiți ajutor
nav-countries = Țări
nav-safety = Siguranța pe internet
footer-text = Harbour prezintă servicii gratuite și confidențiale de sprijin pentru victime din toată Europa. Nu vă urmărește și nu folosește cookie-uri.
footer-data = Datele din listă: sursele sunt indicate la fiecare serviciu. Localități: GeoNames (CC BY 4.0).
footer-api = Date deschise (API HSDS)

home-title = Ajutor pentru victimele infracțiunilor
home-intro = Dacă ați fost victima unei infracțiuni sau dacă o persoană apropiată a fost victimă, puteți primi sprijin gratuit și confidențial. Nu trebuie să mergeți mai întâi la poliție.
home-emergency-heading = Sunteți în pericol acum? Sunați la numărul de urgență
home-choose-country = Alegeți o țară
home-show = Arată
emergency-general = 112 funcționează în toate țările UE, gratuit, de pe orice telefon.
emergency-number = Număr de urgență
emergency-unknown = Nu am verificat încă numerele de urgență pentru această țară. În UE, 112 funcționează mereu.
helpline-116006 = 116 006 – linie de sprijin pentru victimele infracțiunilor
helpline-116006-yes = Linia 116 006 funcționează în această țară.
helpline-116006-no = Linia 116 006 nu funcționează (încă) în această țară.
helpline-116006-unknown = Nu știm dacă linia 116 006 funcționează în această țară.
helpline-operator = Administrată de: { $operator }
home-search-heading = Găsiți un serviciu de sprijin
home-countries-heading = Sprijin pe țări
unknown = Necunoscut

search-title = Găsiți ajutor
search-what = Ce căutați? (opțional)
search-what-hint = De exemplu: violență domestică, consiliere juridică, numele unui serviciu
search-crime-country = Unde s-a întâmplat?
search-residence-country = Unde locuiți?
search-any-country = Orice țară
search-near = Lângă un oraș sau o localitate (opțional)
search-near-hint = Folosim asta doar ca să ordonăm serviciile după distanță.
search-use-position = Folosiți locația mea
search-position-note = Locația dumneavoastră este trimisă doar când apăsați butonul. Nu este salvată niciodată și nu apare în nicio adresă web.
search-position-used = Ordonate după distanța față de locația dumneavoastră.
search-speak = Limba pe care o vorbiți
search-speak-any = Orice limbă
search-speak-only = Doar servicii în care personalul vorbește această limbă
search-filters = Mai multe filtre
search-support-kind = Tipul de sprijin
search-crime-kind = Ce s-a întâmplat / pentru cine
search-channel = Cum îi puteți contacta
search-accessibility = Accesibilitate
search-free = Doar gratuite
search-open-now = Deschis acum
search-24h = Deschis non-stop
search-submit = Căutați
search-results = Rezultate
search-count = { $count ->
    [0] Nu am găsit niciun serviciu.
    [one] Am găsit un serviciu.
    [few] Am găsit { $count } servicii.
   *[other] Am găsit { $count } de servicii.
}
search-none-hint = Încercați cu mai puține filtre. Numerele de urgență și liniile naționale de sprijin apar pe pagina fiecărei țări.
search-section-crime = Unde s-a întâmplat: { $country }
search-section-residence = Unde locuiți: { $country }
search-cross-border-note = Infracțiunea a avut loc într-o țară, iar dumneavoastră locuiți în alta. Puteți primi sprijin în amândouă. Serviciile care ajută peste granițe apar primele.
search-city-unknown = Nu am găsit locul „{ $place }”. Verificați cum este scris sau alegeți o țară.
search-near-place = Ordonate după distanța față de { $place }.
page-previous = Pagina anterioară
page-next = Pagina următoare
page-of = Pagina { $page } din { $pages }

service-contact = Cum îi contactați
service-phone = Telefon
service-website = Site web
service-email = E-mail
service-hours = Program
service-hours-local = Orele sunt în ora locală ({ $zone }).
service-hours-unknown = Program necunoscut.
service-open-now = Deschis acum
service-closed-now = Închis acum
service-open-unknown = Nu știm dacă este deschis acum.
service-24h = Deschis non-stop, în fiecare zi
service-languages = Limbi vorbite
service-languages-unknown = Limbi vorbite: necunoscut
service-cost = Cost
service-free = Gratuit
service-cost-unknown = Cost: necunoscut
service-channels = Moduri de contact
service-accessibility = Accesibilitate
service-accessibility-unknown = Accesibilitate: necunoscută
service-area = Zona deservită
service-nationwide = Toată țara: { $country }
service-kinds = Sprijin oferit
service-groups = Pentru cine
service-organization = Administrat de
service-sources = Surse
service-verified = Ultima verificare: { $date }
service-verified-unknown = Ultima verificare: necunoscută
service-confidential = Pentru siguranță, adresa acestui loc este confidențială. Contactați mai întâi serviciul prin telefon.
service-translation-note = Acest text nu este disponibil în limba dumneavoastră.
service-translation-unreviewed = Acest text a fost tradus cu ajutorul unei mașini și nu a fost încă verificat de un vorbitor nativ.
service-not-found = Acest serviciu nu există sau nu mai este în listă.
service-distance = La aproximativ { $km } km
service-covers-place = Acoperă toată țara
service-cross-border = Ajută peste granițe

country-title = Sprijin în { $country }
country-emergency = Numere de urgență
country-helplines = Linii naționale de sprijin
country-helplines-none = Nu avem încă o linie națională de sprijin pentru această țară.
country-services = Servicii de sprijin
country-services-none = Nu avem încă servicii pentru această țară. Numerele de urgență funcționează în continuare.
country-all-services = Căutați toate serviciile din { $country }
country-notes = Note
country-sources = Surse
countries-title = Țări
country-group-eu = Uniunea Europeană
country-group-eea = Spațiul Economic European
country-group-western_balkans = Balcanii de Vest
country-group-eastern = Europa de Est și Caucazul
country-group-microstate = State mici
country-group-other = Alte state europene
country-little-known = Harbour știe încă puține despre această țară.

safety-title = În siguranță: ieșire rapidă și confidențialitate
safety-intro = Dacă cineva s-ar putea uita în telefonul sau în calculatorul dumneavoastră, aceste sfaturi vă pot ajuta.
safety-exit-heading = Ce face ieșirea rapidă
safety-exit-does = Butonul de ieșire rapidă și tasta Esc înlocuiesc imediat această pagină cu o pagină neutră. Pagina pe care erați nu mai apare la butonul „Înapoi”.
safety-exit-limits-heading = Ce nu poate ascunde ieșirea rapidă
safety-exit-limits = Nu vă poate șterge istoricul de navigare. Paginile vizitate înainte pot apărea încă în istoric. Cineva ar putea vedea acest site și în lista filelor deschise recent.
safety-private-heading = Navigare mai sigură
safety-private = Folosiți o fereastră privată sau incognito: nu păstrează istoricul după ce o închideți. Sau ștergeți după aceea acest site din istoric.
safety-no-tracking-heading = Ce nu face Harbour
safety-no-tracking = Harbour nu folosește cookie-uri sau programe de urmărire și nu încarcă nimic de pe alte site-uri. Căutările dumneavoastră nu sunt salvate și nu apar în adresele web.
safety-device-heading = Dacă dispozitivul dumneavoastră ar putea fi supravegheat
safety-device = Programele spion pot vedea tot ce faceți pe un dispozitiv. Dacă credeți că dispozitivul dumneavoastră este supravegheat, folosiți unul mai sigur, de exemplu telefonul unei persoane de încredere sau un calculator de la bibliotecă.

exit-title = Vremea
exit-text = Astăzi vreme blândă, cu perioade însorite. Vânt slab. Spre sfârșitul săptămânii sunt posibile averse.

error-title = Ceva nu a funcționat
error-code = Cod de eroare: { $code }
error-request = Referința cererii: { $id }
error-back = Înapoi la pagina principală
error-not-found = Această pagină nu există.
error-INTERNAL = A apărut o problemă la noi. Vă rugăm să încercați din nou.
error-DIRECTORY-0001 = Nu cunoaștem această țară.
error-DIRECTORY-0002 = Nu cunoaștem această limbă.
error-DIRECTORY-0003 = Datele din listă nu sunt valide.
error-DIRECTORY-0004 = Una dintre opțiunile de căutare nu este validă.
error-DIRECTORY-0005 = Această organizație nu există.
error-DIRECTORY-0006 = Acest serviciu nu există sau nu mai este în listă.
error-HTTP-0404 = Această pagină nu există.
error-HTTP-0405 = Această acțiune nu este permisă aici.
error-CONFIG-0001 = Adresa bazei de date nu este validă.

# Kinds of support
support-emotional = Sprijin emoțional
support-legal_information = Informații juridice
support-legal_advice = Consiliere juridică
support-practical = Ajutor practic
support-psychological = Consiliere psihologică
support-court_accompaniment = Însoțire la tribunal
support-shelter = Adăpost
support-helpline = Linie de sprijin
support-online_chat = Chat online
support-compensation_help = Ajutor pentru despăgubiri
support-restorative_justice = Justiție restaurativă
support-cross_border_referral = Ajutor peste granițe

# Kinds of crime / victim groups
crime-general = Toate victimele infracțiunilor
crime-domestic_violence = Violență domestică
crime-sexual_violence = Violență sexuală
crime-child_victims = Copii și tineri
crime-trafficking = Trafic de persoane
crime-hate_crime = Infracțiuni motivate de ură
crime-terrorism = Terorism
crime-homicide_bereaved = Familiile persoanelor ucise
crime-road_traffic = Infracțiuni rutiere
crime-cybercrime = Infracțiuni online
crime-fraud = Înșelăciune

# Channels
channel-phone = Telefon
channel-chat = Chat
channel-email = E-mail
channel-in_person = Față în față

# Accessibility features
access-step_free = Acces fără trepte
access-sign_language = Limba semnelor
access-easy_read = Informații ușor de citit
access-hearing_loop = Buclă de inducție magnetică
access-text_relay = Serviciu de releu prin text
