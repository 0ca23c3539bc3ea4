# Harbour — user interface strings (German).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Kostenlose, vertrauliche Hilfe für Opfer von Straftaten – in Ihrer Sprache
skip-to-content = Zum Inhalt springen
quick-exit = Seite schnell verlassen
quick-exit-hint = Diese Seite sofort verlassen (oder Esc drücken)
quick-exit-about = Über „Seite schnell verlassen“ und Ihre Sicherheit
language-switcher = Sprache
nav-home = Startseite
nav-find-support = Hilfe finden
nav-countries = Länder
nav-safety = Sicher im Internet
footer-text = Harbour zeigt kostenlose, vertrauliche Hilfsangebote für Opfer von Straftaten in ganz Europa. Harbour verfolgt Sie nicht und setzt keine Cookies.
footer-data = Verzeichnisdaten: Die Quellen stehen bei jedem Angebot. Orte: GeoNames (CC BY 4.0).
footer-api = Offene Daten (HSDS-API)

home-title = Hilfe für Opfer von Straftaten
home-intro = Wurden Sie oder ein Mensch, der Ihnen nahesteht, Opfer einer Straftat? Dann bekommen Sie kostenlose und vertrauliche Hilfe. Sie müssen nicht zuerst zur Polizei gehen.
home-emergency-heading = Jetzt in Gefahr? Rufen Sie den Notruf an
home-choose-country = Land auswählen
home-show = Anzeigen
emergency-general = Die 112 funktioniert in jedem EU-Land, kostenlos und von jedem Telefon.
emergency-number = Notrufnummer
emergency-unknown = Die Notrufnummern für dieses Land haben wir noch nicht geprüft. In der EU funktioniert die 112 immer.
helpline-116006 = 116 006 – Hilfetelefon für Opfer von Straftaten
helpline-116006-yes = Das Hilfetelefon 116 006 gibt es in diesem Land.
helpline-116006-no = Das Hilfetelefon 116 006 gibt es in diesem Land (noch) nicht.
helpline-116006-unknown = Wir wissen nicht, ob es die 116 006 in diesem Land gibt.
helpline-operator = Betrieben von: { $operator }
home-search-heading = Ein Hilfsangebot finden
home-countries-heading = Hilfe nach Land
unknown = Unbekannt

search-title = Hilfe finden
search-what = Was suchen Sie? (freiwillig)
search-what-hint = Zum Beispiel: häusliche Gewalt, Rechtsberatung, Name eines Angebots
search-crime-country = Wo ist es passiert?
search-residence-country = Wo wohnen Sie?
search-any-country = Alle Länder
search-near = In der Nähe eines Ortes (freiwillig)
search-near-hint = Wir nutzen das nur, um die Angebote nach Entfernung zu sortieren.
search-use-position = Meinen Standort verwenden
search-position-note = Ihr Standort wird nur gesendet, wenn Sie auf den Knopf drücken. Er wird nie gespeichert und steht in keiner Webadresse.
search-position-used = Sortiert nach Entfernung zu Ihrem Standort.
search-speak = Sprache, die Sie sprechen
search-speak-any = Alle Sprachen
search-speak-only = Nur Angebote, deren Team diese Sprache spricht
search-filters = Weitere Filter
search-support-kind = Art der Hilfe
search-crime-kind = Was ist passiert / für wen
search-channel = Wie Sie Kontakt aufnehmen
search-accessibility = Barrierefreiheit
search-free = Nur kostenlose Angebote
search-open-now = Jetzt geöffnet
search-24h = 24 Stunden geöffnet
search-submit = Suchen
search-results = Ergebnisse
search-count = { $count ->
    [0] Keine Angebote gefunden.
    [one] Ein Angebot gefunden.
   *[other] { $count } Angebote gefunden.
}
search-none-hint = Versuchen Sie es mit weniger Filtern. Notrufnummern und landesweite Hilfetelefone stehen auf jeder Länderseite.
search-section-crime = Wo es passiert ist: { $country }
search-section-residence = Wo Sie wohnen: { $country }
search-cross-border-note = Die Straftat geschah in einem Land, und Sie wohnen in einem anderen. Sie können in beiden Ländern Hilfe bekommen. Angebote, die über Grenzen hinweg helfen, stehen oben.
search-city-unknown = Wir konnten den Ort „{ $place }“ nicht finden. Prüfen Sie die Schreibweise oder wählen Sie ein Land.
search-near-place = Sortiert nach Entfernung zu { $place }.
page-previous = Vorherige Seite
page-next = Nächste Seite
page-of = Seite { $page } von { $pages }

service-contact = So erreichen Sie das Angebot
service-phone = Telefon
service-website = Webseite
service-email = E-Mail
service-hours = Öffnungszeiten
service-hours-local = Die Zeiten sind Ortszeit ({ $zone }).
service-hours-unknown = Öffnungszeiten unbekannt.
service-open-now = Jetzt geöffnet
service-closed-now = Jetzt geschlossen
service-open-unknown = Wir wissen nicht, ob gerade geöffnet ist.
service-24h = Rund um die Uhr geöffnet, jeden Tag
service-languages = Gesprochene Sprachen
service-languages-unknown = Gesprochene Sprachen: unbekannt
service-cost = Kosten
service-free = Kostenlos
service-cost-unknown = Kosten: unbekannt
service-channels = Kontaktwege
service-accessibility = Barrierefreiheit
service-accessibility-unknown = Barrierefreiheit: unbekannt
service-area = Gebiet
service-nationwide = Ganzes Land: { $country }
service-kinds = Angebotene Hilfe
service-groups = Für wen
service-organization = Betrieben von
service-sources = Quellen
service-verified = Zuletzt geprüft: { $date }
service-verified-unknown = Zuletzt geprüft: unbekannt
service-confidential = Aus Sicherheitsgründen bleibt die Adresse dieses Ortes geheim. Bitte melden Sie sich zuerst telefonisch.
service-translation-note = Diesen Text gibt es nicht in Ihrer Sprache.
service-translation-unreviewed = Dieser Text wurde maschinell unterstützt übersetzt und noch nicht von Muttersprachlern geprüft.
service-not-found = Dieses Angebot gibt es nicht oder es steht nicht mehr im Verzeichnis.
service-distance = Etwa { $km } km entfernt
service-covers-place = Für das ganze Land
service-cross-border = Hilft über Grenzen hinweg

country-title = Hilfsangebote: { $country }
country-emergency = Notrufnummern
country-helplines = Landesweite Hilfetelefone
country-helplines-none = Für dieses Land kennen wir noch kein landesweites Hilfetelefon.
country-services = Hilfsangebote
country-services-none = Für dieses Land haben wir noch keine Angebote. Die Notrufnummern funktionieren trotzdem.
country-all-services = Alle Angebote durchsuchen ({ $country })
country-notes = Hinweise
country-sources = Quellen
countries-title = Länder
country-group-eu = Europäische Union
country-group-eea = Europäischer Wirtschaftsraum
country-group-western_balkans = Westbalkan
country-group-eastern = Osteuropa und Kaukasus
country-group-microstate = Kleinstaaten
country-group-other = Weitere europäische Staaten
country-little-known = Über dieses Land weiß Harbour noch wenig.

safety-title = Sicher bleiben: Seite schnell verlassen und Privatsphäre
safety-intro = Wenn jemand Ihr Handy oder Ihren Computer kontrollieren könnte, helfen Ihnen diese Tipps.
safety-exit-heading = Was „Seite schnell verlassen“ macht
safety-exit-does = Der Knopf „Seite schnell verlassen“ und die Esc-Taste ersetzen diese Seite sofort durch eine unauffällige Seite. Mit dem Zurück-Knopf kommt man nicht mehr auf die Seite, auf der Sie waren.
safety-exit-limits-heading = Was der Knopf nicht verbergen kann
safety-exit-limits = Er kann Ihren Browserverlauf nicht löschen. Seiten, die Sie vorher besucht haben, können dort noch stehen. Jemand könnte diese Seite auch in der Liste der zuletzt geöffneten Tabs sehen.
safety-private-heading = Sicherer surfen
safety-private = Nutzen Sie ein privates Fenster (Inkognito-Modus): Nach dem Schließen bleibt kein Verlauf. Oder löschen Sie diese Seite danach aus Ihrem Verlauf.
safety-no-tracking-heading = Was Harbour nicht tut
safety-no-tracking = Harbour setzt keine Cookies, nutzt keine Tracker und lädt nichts von anderen Webseiten. Ihre Suchen werden nicht gespeichert und stehen nicht in Webadressen.
safety-device-heading = Wenn Ihr Gerät überwacht werden könnte
safety-device = Spionage-Apps können alles sehen, was Sie auf einem Gerät tun. Wenn Sie glauben, dass Ihr Gerät überwacht wird, nutzen Sie ein sichereres Gerät, zum Beispiel das Handy einer Person, der Sie vertrauen, oder einen Computer in der Bücherei.

exit-title = Wetter
exit-text = Heute mild mit sonnigen Abschnitten. Schwacher Wind. Später in der Woche sind Schauer möglich.

error-title = Etwas ist schiefgelaufen
error-code = Fehlercode: { $code }
error-request = Anfrage-Nummer: { $id }
error-back = Zurück zur Startseite
error-not-found = Diese Seite gibt es nicht.
error-INTERNAL = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.
error-DIRECTORY-0001 = Dieses Land kennen wir nicht.
error-DIRECTORY-0002 = Diese Sprache kennen wir nicht.
error-DIRECTORY-0003 = Die Verzeichnisdaten sind ungültig.
error-DIRECTORY-0004 = Eine der Suchoptionen ist ungültig.
error-DIRECTORY-0005 = Diese Organisation gibt es nicht.
error-DIRECTORY-0006 = Dieses Angebot gibt es nicht oder es steht nicht mehr im Verzeichnis.
error-HTTP-0404 = Diese Seite gibt es nicht.
error-HTTP-0405 = Diese Aktion ist hier nicht erlaubt.
error-CONFIG-0001 = Die Adresse der Datenbank ist ungültig.

# Kinds of support
support-emotional = Emotionale Unterstützung
support-legal_information = Rechtliche Informationen
support-legal_advice = Rechtsberatung
support-practical = Praktische Hilfe
support-psychological = Psychologische Unterstützung
support-court_accompaniment = Begleitung zum Gericht
support-shelter = Schutzunterkunft
support-helpline = Hilfetelefon
support-online_chat = Online-Chat
support-compensation_help = Hilfe bei Entschädigung
support-restorative_justice = Täter-Opfer-Ausgleich
support-cross_border_referral = Hilfe über Grenzen hinweg

# Kinds of crime / victim groups
crime-general = Alle Opfer von Straftaten
crime-domestic_violence = Häusliche Gewalt
crime-sexual_violence = Sexuelle Gewalt
crime-child_victims = Kinder und Jugendliche
crime-trafficking = Menschenhandel
crime-hate_crime = Hasskriminalität
crime-terrorism = Terrorismus
crime-homicide_bereaved = Hinterbliebene nach Tötungsdelikten
crime-road_traffic = Straftaten im Straßenverkehr
crime-cybercrime = Straftaten im Internet
crime-fraud = Betrug

# Channels
channel-phone = Telefon
channel-chat = Chat
channel-email = E-Mail
channel-in_person = Persönlich

# Accessibility features
access-step_free = Stufenloser Zugang
access-sign_language = Gebärdensprache
access-easy_read = Leichte Sprache
access-hearing_loop = Induktive Höranlage
access-text_relay = Text-Vermittlungsdienst
