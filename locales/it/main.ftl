# Harbour — user interface strings (Italian).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Aiuto gratuito e riservato per le vittime di reato, nella sua lingua
skip-to-content = Vai al contenuto
quick-exit = Uscita rapida
quick-exit-hint = Esca subito da questo sito (o prema Esc)
quick-exit-about = L'uscita rapida e come proteggersi
language-switcher = Lingua
nav-home = Pagina iniziale
nav-find-support = Trova aiuto
nav-countries = Paesi
nav-safety = Sicurezza online
footer-text = Harbour elenca servizi gratuiti e riservati di assistenza alle vittime in tutta Europa. Non la traccia e non usa cookie.
footer-data = Dati dell'elenco: le fonti sono indicate per ogni servizio. Luoghi: GeoNames (CC BY 4.0).
footer-api = Dati aperti (API HSDS)

home-title = Aiuto per le vittime di reato
home-intro = Se lei o una persona a lei vicina ha subito un reato, può ricevere sostegno gratuito e riservato. Non è necessario denunciare prima alla polizia.
home-emergency-heading = È in pericolo adesso? Chiami il numero di emergenza
home-choose-country = Scelga un paese
home-show = Mostra
emergency-general = Il 112 funziona in tutti i paesi dell'UE, gratis, da qualsiasi telefono.
emergency-number = Numero di emergenza
emergency-unknown = Non abbiamo ancora verificato i numeri di emergenza di questo paese. Nell'UE il 112 funziona sempre.
helpline-116006 = 116 006 – linea di ascolto per le vittime di reato
helpline-116006-yes = La linea 116 006 è attiva in questo paese.
helpline-116006-no = La linea 116 006 non è (ancora) attiva in questo paese.
helpline-116006-unknown = Non sappiamo se il 116 006 è attivo in questo paese.
helpline-operator = Gestita da: { $operator }
home-search-heading = Trova un servizio di sostegno
home-countries-heading = Sostegno per paese
unknown = Non noto

search-title = Trova aiuto
search-what = Che cosa cerca? (facoltativo)
search-what-hint = Per esempio: violenza domestica, consulenza legale, il nome di un servizio
search-crime-country = Dove è successo?
search-residence-country = Dove vive?
search-any-country = Qualsiasi paese
search-near = Vicino a una città o a un paese (facoltativo)
search-near-hint = Lo usiamo solo per ordinare i servizi in base alla distanza.
search-use-position = Usa la mia posizione
search-position-note = La sua posizione viene inviata solo quando preme il pulsante. Non viene mai salvata e non compare in nessun indirizzo web.
search-position-used = Ordinati per distanza dalla sua posizione.
search-speak = Lingua che parla
search-speak-any = Qualsiasi lingua
search-speak-only = Solo servizi in cui il personale parla questa lingua
search-filters = Altri filtri
search-support-kind = Tipo di sostegno
search-crime-kind = Che cosa è successo / per chi è
search-channel = Come mettersi in contatto
search-accessibility = Accessibilità
search-free = Solo gratuiti
search-open-now = Aperto ora
search-24h = Aperto 24 ore su 24
search-submit = Cerca
search-results = Risultati
search-count = { $count ->
    [0] Nessun servizio trovato.
    [one] Trovato un servizio.
   *[other] Trovati { $count } servizi.
}
search-none-hint = Provi con meno filtri. I numeri di emergenza e le linee di ascolto nazionali sono nella pagina di ogni paese.
search-section-crime = Dove è successo: { $country }
search-section-residence = Dove vive: { $country }
search-cross-border-note = Il reato è avvenuto in un paese e lei vive in un altro. Può ricevere sostegno in entrambi. I servizi che aiutano tra paesi diversi compaiono per primi.
search-city-unknown = Non abbiamo trovato il luogo «{ $place }». Controlli come è scritto o scelga un paese.
search-near-place = Ordinati per distanza da { $place }.
page-previous = Pagina precedente
page-next = Pagina successiva
page-of = Pagina { $page } di { $pages }

service-contact = Come contattarli
service-phone = Telefono
service-website = Sito web
service-email = E-mail
service-hours = Orari di apertura
service-hours-local = Gli orari sono in ora locale ({ $zone }).
service-hours-unknown = Orari non noti.
service-open-now = Aperto ora
service-closed-now = Chiuso ora
service-open-unknown = Non sappiamo se ora è aperto.
service-24h = Aperto 24 ore su 24, tutti i giorni
service-languages = Lingue parlate
service-languages-unknown = Lingue parlate: non note
service-cost = Costo
service-free = Gratuito
service-cost-unknown = Costo: non noto
service-channels = Modi per mettersi in contatto
service-accessibility = Accessibilità
service-accessibility-unknown = Accessibilità: non nota
service-area = Zona servita
service-nationwide = Tutto il paese: { $country }
service-kinds = Sostegno offerto
service-groups = Per chi è
service-organization = Gestito da
service-sources = Fonti
service-verified = Ultima verifica: { $date }
service-verified-unknown = Ultima verifica: non nota
service-confidential = Per sicurezza, l'indirizzo di questo luogo è riservato. Contatti prima il servizio per telefono.
service-translation-note = Questo testo non è disponibile nella sua lingua.
service-translation-unreviewed = Questo testo è stato tradotto con l’aiuto di una macchina e non è ancora stato controllato da un madrelingua.
service-not-found = Questo servizio non esiste o non è più in elenco.
service-distance = A circa { $km } km
service-covers-place = Copre tutto il paese
service-cross-border = Aiuta tra paesi diversi

country-title = Sostegno alle vittime: { $country }
country-emergency = Numeri di emergenza
country-helplines = Linee di ascolto nazionali
country-helplines-none = Non abbiamo ancora una linea di ascolto nazionale per questo paese.
country-services = Servizi di sostegno
country-services-none = Non abbiamo ancora servizi per questo paese. I numeri di emergenza funzionano comunque.
country-all-services = Cerca tutti i servizi ({ $country })
country-notes = Note
country-sources = Fonti
countries-title = Paesi
country-group-eu = Unione europea
country-group-eea = Spazio economico europeo
country-group-western_balkans = Balcani occidentali
country-group-eastern = Europa orientale e Caucaso
country-group-microstate = Piccoli Stati
country-group-other = Altri Stati europei
country-little-known = Harbour sa ancora poco su questo paese.

safety-title = Restare al sicuro: uscita rapida e privacy
safety-intro = Se qualcuno potrebbe controllare il suo telefono o il suo computer, questi consigli possono aiutarla.
safety-exit-heading = Che cosa fa l'uscita rapida
safety-exit-does = Il pulsante di uscita rapida, e anche il tasto Esc, sostituiscono subito questa pagina con una pagina neutra. La pagina in cui si trovava viene tolta dal pulsante «Indietro».
safety-exit-limits-heading = Che cosa l'uscita rapida non può nascondere
safety-exit-limits = Non può cancellare la cronologia di navigazione. Le pagine visitate prima possono restare nella cronologia. Qualcuno potrebbe anche vedere questo sito nell'elenco delle schede aperte di recente.
safety-private-heading = Navigare in modo più sicuro
safety-private = Usi una finestra privata o in incognito: quando la chiude non resta nessuna cronologia. Oppure, dopo, cancelli questo sito dalla cronologia.
safety-no-tracking-heading = Che cosa Harbour non fa
safety-no-tracking = Harbour non usa cookie né sistemi di tracciamento e non carica nulla da altri siti. Le sue ricerche non vengono salvate e non compaiono negli indirizzi web.
safety-device-heading = Se il suo dispositivo potrebbe essere controllato
safety-device = Un programma spia può vedere tutto quello che fa su un dispositivo. Se pensa che il suo dispositivo sia controllato, ne usi uno più sicuro, per esempio il telefono di una persona di fiducia o un computer della biblioteca.

exit-title = Meteo
exit-text = Oggi clima mite con schiarite. Venti deboli. Possibili rovesci nei prossimi giorni.

error-title = Qualcosa non ha funzionato
error-code = Codice di errore: { $code }
error-request = Riferimento della richiesta: { $id }
error-back = Torna alla pagina iniziale
error-not-found = Questa pagina non esiste.
error-INTERNAL = Qualcosa non ha funzionato da parte nostra. Riprovi, per favore.
error-DIRECTORY-0001 = Non conosciamo questo paese.
error-DIRECTORY-0002 = Non conosciamo questa lingua.
error-DIRECTORY-0003 = I dati dell'elenco non sono validi.
error-DIRECTORY-0004 = Una delle opzioni di ricerca non è valida.
error-DIRECTORY-0005 = Questa organizzazione non esiste.
error-DIRECTORY-0006 = Questo servizio non esiste o non è più in elenco.
error-HTTP-0404 = Questa pagina non esiste.
error-HTTP-0405 = Questa azione non è consentita qui.
error-CONFIG-0001 = L'indirizzo del database non è valido.

# Kinds of support
support-emotional = Sostegno emotivo
support-legal_information = Informazioni legali
support-legal_advice = Consulenza legale
support-practical = Aiuto pratico
support-psychological = Sostegno psicologico
support-court_accompaniment = Accompagnamento in tribunale
support-shelter = Casa rifugio
support-helpline = Linea di ascolto
support-online_chat = Chat online
support-compensation_help = Aiuto per ottenere un risarcimento
support-restorative_justice = Giustizia riparativa
support-cross_border_referral = Aiuto tra paesi diversi

# Kinds of crime / victim groups
crime-general = Tutte le vittime di reato
crime-domestic_violence = Violenza domestica
crime-sexual_violence = Violenza sessuale
crime-child_victims = Bambini e ragazzi
crime-trafficking = Tratta di esseri umani
crime-hate_crime = Crimini d'odio
crime-terrorism = Terrorismo
crime-homicide_bereaved = Familiari di vittime di omicidio
crime-road_traffic = Reati stradali
crime-cybercrime = Reati online
crime-fraud = Truffe

# Channels
channel-phone = Telefono
channel-chat = Chat
channel-email = E-mail
channel-in_person = Di persona

# Accessibility features
access-step_free = Accesso senza gradini
access-sign_language = Lingua dei segni
access-easy_read = Informazioni facili da leggere
access-hearing_loop = Anello a induzione magnetica
access-text_relay = Servizio di relay testuale
