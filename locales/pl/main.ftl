# Harbour — user interface strings (Polish).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Bezpłatna i poufna pomoc dla osób pokrzywdzonych przestępstwem – w wybranym języku
skip-to-content = Przejdź do treści
quick-exit = Szybkie wyjście
quick-exit-hint = Natychmiastowe opuszczenie strony (albo klawisz Esc)
quick-exit-about = Szybkie wyjście i bezpieczeństwo – informacje
language-switcher = Język
nav-home = Strona główna
nav-find-support = Znajdź pomoc
nav-countries = Kraje
nav-safety = Bezpieczeństwo w internecie
footer-text = Harbour zbiera informacje o bezpłatnych i poufnych miejscach pomocy dla osób pokrzywdzonych w całej Europie. Serwis nie śledzi odwiedzających i nie używa plików cookie.
footer-data = Dane katalogu: źródła są podane przy każdym miejscu pomocy. Miejscowości: GeoNames (CC BY 4.0).
footer-api = Otwarte dane (API HSDS)

home-title = Pomoc dla osób pokrzywdzonych przestępstwem
home-intro = Osoba pokrzywdzona przestępstwem, a także jej bliscy, mogą otrzymać bezpłatne i poufne wsparcie. Nie trzeba najpierw zgłaszać sprawy na policję.
home-emergency-heading = Grozi niebezpieczeństwo? Zadzwoń pod numer alarmowy
home-choose-country = Wybierz kraj
home-show = Pokaż
emergency-general = Numer 112 działa w każdym kraju UE, bezpłatnie, z każdego telefonu.
emergency-number = Numer alarmowy
emergency-unknown = Nie sprawdziliśmy jeszcze numerów alarmowych w tym kraju. W UE zawsze działa numer 112.
helpline-116006 = 116 006 – linia pomocy dla osób pokrzywdzonych przestępstwem
helpline-116006-yes = Linia 116 006 działa w tym kraju.
helpline-116006-no = Linia 116 006 (jeszcze) nie działa w tym kraju.
helpline-116006-unknown = Nie wiemy, czy linia 116 006 działa w tym kraju.
helpline-operator = Prowadzi: { $operator }
home-search-heading = Znajdź miejsce pomocy
home-countries-heading = Pomoc według kraju
unknown = Brak danych

search-title = Znajdź pomoc
search-what = Jakiej pomocy potrzeba? (opcjonalnie)
search-what-hint = Na przykład: przemoc domowa, porada prawna, nazwa organizacji
search-crime-country = Gdzie to się stało?
search-residence-country = Kraj zamieszkania
search-any-country = Dowolny kraj
search-near = W pobliżu miejscowości (opcjonalnie)
search-near-hint = Służy to tylko do sortowania wyników według odległości.
search-use-position = Użyj mojej lokalizacji
search-position-note = Lokalizacja jest wysyłana tylko po naciśnięciu przycisku. Nigdy nie jest zapisywana ani umieszczana w adresie strony.
search-position-used = Posortowano według odległości od bieżącej lokalizacji.
search-speak = Język rozmowy
search-speak-any = Dowolny język
search-speak-only = Tylko miejsca, w których personel mówi w tym języku
search-filters = Więcej filtrów
search-support-kind = Rodzaj pomocy
search-crime-kind = Co się stało / dla kogo
search-channel = Sposób kontaktu
search-accessibility = Dostępność
search-free = Tylko bezpłatne
search-open-now = Teraz otwarte
search-24h = Czynne całą dobę
search-submit = Szukaj
search-results = Wyniki
search-count = { $count ->
    [0] Nie znaleziono miejsc pomocy.
    [one] Znaleziono jedno miejsce pomocy.
    [few] Znaleziono { $count } miejsca pomocy.
    [many] Znaleziono { $count } miejsc pomocy.
   *[other] Znaleziono { $count } miejsca pomocy.
}
search-none-hint = Warto spróbować z mniejszą liczbą filtrów. Numery alarmowe i krajowe linie pomocy są na stronie każdego kraju.
search-section-crime = Miejsce zdarzenia: { $country }
search-section-residence = Kraj zamieszkania: { $country }
search-cross-border-note = Przestępstwo zdarzyło się w jednym kraju, a miejsce zamieszkania jest w innym. Pomoc można otrzymać w obu krajach. Najpierw pokazujemy miejsca, które pomagają ponad granicami.
search-city-unknown = Nie znaleźliśmy miejscowości „{ $place }”. Sprawdź pisownię lub wybierz kraj.
search-near-place = Posortowano według odległości od miejscowości { $place }.
page-previous = Poprzednia strona
page-next = Następna strona
page-of = Strona { $page } z { $pages }

service-contact = Jak się skontaktować
service-phone = Telefon
service-website = Strona internetowa
service-email = E-mail
service-hours = Godziny otwarcia
service-hours-local = Godziny według czasu lokalnego ({ $zone }).
service-hours-unknown = Brak informacji o godzinach otwarcia.
service-open-now = Teraz otwarte
service-closed-now = Teraz zamknięte
service-open-unknown = Nie wiemy, czy jest teraz otwarte.
service-24h = Czynne całą dobę, codziennie
service-languages = Języki
service-languages-unknown = Języki: brak danych
service-cost = Koszt
service-free = Bezpłatnie
service-cost-unknown = Koszt: brak danych
service-channels = Sposoby kontaktu
service-accessibility = Dostępność
service-accessibility-unknown = Dostępność: brak danych
service-area = Obszar działania
service-nationwide = Cały kraj: { $country }
service-kinds = Rodzaje pomocy
service-groups = Dla kogo
service-organization = Prowadzi
service-sources = Źródła
service-verified = Ostatnio sprawdzono: { $date }
service-verified-unknown = Ostatnio sprawdzono: brak danych
service-confidential = Ze względów bezpieczeństwa adres tego miejsca jest poufny. Prosimy najpierw o kontakt telefoniczny.
service-translation-note = Ten tekst nie jest dostępny w wybranym języku.
service-translation-unreviewed = Ten tekst przetłumaczono z pomocą maszyny i nie został jeszcze sprawdzony przez rodzimego użytkownika języka.
service-not-found = To miejsce pomocy nie istnieje lub nie ma go już na liście.
service-distance = Około { $km } km stąd
service-covers-place = Działa w całym kraju
service-cross-border = Pomaga ponad granicami

country-title = Pomoc: { $country }
country-emergency = Numery alarmowe
country-helplines = Krajowe linie pomocy
country-helplines-none = Nie mamy jeszcze krajowej linii pomocy dla tego kraju.
country-services = Miejsca pomocy
country-services-none = Nie mamy jeszcze miejsc pomocy w tym kraju. Numery alarmowe i tak działają.
country-all-services = Szukaj wszystkich miejsc pomocy ({ $country })
country-notes = Uwagi
country-sources = Źródła
countries-title = Kraje
country-group-eu = Unia Europejska
country-group-eea = Europejski Obszar Gospodarczy
country-group-western_balkans = Bałkany Zachodnie
country-group-eastern = Europa Wschodnia i Kaukaz
country-group-microstate = Małe państwa
country-group-other = Inne państwa europejskie
country-little-known = Harbour ma jeszcze mało informacji o tym kraju.

safety-title = Bezpieczeństwo: szybkie wyjście i prywatność
safety-intro = Jeśli ktoś może sprawdzać telefon lub komputer, te wskazówki mogą pomóc.
safety-exit-heading = Jak działa szybkie wyjście
safety-exit-does = Przycisk „Szybkie wyjście” i klawisz Esc od razu zamieniają tę stronę na neutralną. Przyciskiem „Wstecz” nie da się już na nią wrócić.
safety-exit-limits-heading = Czego szybkie wyjście nie ukryje
safety-exit-limits = Szybkie wyjście nie usuwa historii przeglądania. Wcześniej odwiedzone strony mogą nadal być w historii. Ktoś może też zobaczyć tę stronę na liście ostatnio otwartych kart.
safety-private-heading = Bezpieczniejsze przeglądanie
safety-private = Warto używać okna prywatnego (incognito): po jego zamknięciu nie zostaje żadna historia. Można też potem usunąć tę stronę z historii.
safety-no-tracking-heading = Czego Harbour nie robi
safety-no-tracking = Harbour nie używa plików cookie ani narzędzi śledzących i nie pobiera niczego z innych stron. Wyszukiwania nie są zapisywane ani umieszczane w adresach stron.
safety-device-heading = Jeśli urządzenie może być monitorowane
safety-device = Oprogramowanie szpiegujące widzi wszystko, co robi się na urządzeniu. Jeśli jest podejrzenie, że urządzenie jest monitorowane, lepiej użyć bezpieczniejszego, na przykład telefonu zaufanej osoby lub komputera w bibliotece.

exit-title = Pogoda
exit-text = Dziś łagodnie, z przejaśnieniami. Słaby wiatr. Pod koniec tygodnia możliwe przelotne opady.

error-title = Coś poszło nie tak
error-code = Kod błędu: { $code }
error-request = Numer referencyjny: { $id }
error-back = Wróć na stronę główną
error-not-found = Ta strona nie istnieje.
error-INTERNAL = Coś poszło nie tak po naszej stronie. Prosimy spróbować ponownie.
error-DIRECTORY-0001 = Nie znamy tego kraju.
error-DIRECTORY-0002 = Nie znamy tego języka.
error-DIRECTORY-0003 = Dane katalogu są nieprawidłowe.
error-DIRECTORY-0004 = Jedna z opcji wyszukiwania jest nieprawidłowa.
error-DIRECTORY-0005 = Ta organizacja nie istnieje.
error-DIRECTORY-0006 = To miejsce pomocy nie istnieje lub nie ma go już na liście.
error-HTTP-0404 = Ta strona nie istnieje.
error-HTTP-0405 = Ta czynność nie jest tu dozwolona.
error-CONFIG-0001 = Adres bazy danych jest nieprawidłowy.

# Kinds of support
support-emotional = Wsparcie emocjonalne
support-legal_information = Informacja prawna
support-legal_advice = Porada prawna
support-practical = Pomoc praktyczna
support-psychological = Pomoc psychologiczna
support-court_accompaniment = Towarzyszenie w sądzie
support-shelter = Bezpieczne schronienie
support-helpline = Linia pomocy
support-online_chat = Czat online
support-compensation_help = Pomoc w uzyskaniu odszkodowania
support-restorative_justice = Sprawiedliwość naprawcza
support-cross_border_referral = Pomoc ponad granicami

# Kinds of crime / victim groups
crime-general = Wszystkie osoby pokrzywdzone
crime-domestic_violence = Przemoc domowa
crime-sexual_violence = Przemoc seksualna
crime-child_victims = Dzieci i młodzież
crime-trafficking = Handel ludźmi
crime-hate_crime = Przestępstwa z nienawiści
crime-terrorism = Terroryzm
crime-homicide_bereaved = Rodziny ofiar zabójstw
crime-road_traffic = Przestępstwa drogowe
crime-cybercrime = Przestępstwa w internecie
crime-fraud = Oszustwa

# Channels
channel-phone = Telefon
channel-chat = Czat
channel-email = E-mail
channel-in_person = Osobiście

# Accessibility features
access-step_free = Wejście bez schodów
access-sign_language = Język migowy
access-easy_read = Tekst łatwy do czytania (ETR)
access-hearing_loop = Pętla indukcyjna
access-text_relay = Tekstowe pośrednictwo w rozmowach
