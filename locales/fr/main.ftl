# Harbour — user interface strings (French).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Aide gratuite et confidentielle aux victimes, dans votre langue
skip-to-content = Aller au contenu
quick-exit = Quitter rapidement
quick-exit-hint = Quittez ce site tout de suite (ou appuyez sur Esc)
quick-exit-about = « Quitter rapidement » et votre sécurité : en savoir plus
language-switcher = Langue
nav-home = Accueil
nav-find-support = Trouver de l'aide
nav-countries = Pays
nav-safety = Se protéger en ligne
footer-text = Harbour répertorie les services gratuits et confidentiels d'aide aux victimes en Europe. Il ne vous suit pas et n'utilise aucun cookie.
footer-data = Données de l'annuaire : sources indiquées pour chaque service. Lieux : GeoNames (CC BY 4.0).
footer-api = Données ouvertes (API HSDS)

home-title = Aide aux victimes d'infractions
home-intro = Si vous ou l'un de vos proches avez été victime d'une infraction, vous pouvez recevoir une aide gratuite et confidentielle. Vous n'avez pas besoin d'aller d'abord à la police.
home-emergency-heading = En danger maintenant ? Appelez le numéro d'urgence
home-choose-country = Choisissez un pays
home-show = Afficher
emergency-general = Le 112 fonctionne dans tous les pays de l'UE, gratuitement, depuis n'importe quel téléphone.
emergency-number = Numéro d'urgence
emergency-unknown = Nous n'avons pas encore vérifié les numéros d'urgence de ce pays. Dans l'UE, le 112 fonctionne toujours.
helpline-116006 = 116 006 – numéro d'aide aux victimes
helpline-116006-yes = Le numéro 116 006 fonctionne dans ce pays.
helpline-116006-no = Le numéro 116 006 ne fonctionne pas (encore) dans ce pays.
helpline-116006-unknown = Nous ne savons pas si le 116 006 fonctionne dans ce pays.
helpline-operator = Géré par : { $operator }
home-search-heading = Trouver un service d'aide
home-countries-heading = L'aide par pays
unknown = Inconnu

search-title = Trouver de l'aide
search-what = Que cherchez-vous ? (facultatif)
search-what-hint = Par exemple : violences conjugales, conseil juridique, nom d'un service
search-crime-country = Où cela s'est-il passé ?
search-residence-country = Où habitez-vous ?
search-any-country = Tous les pays
search-near = Près d'une ville ou d'un village (facultatif)
search-near-hint = Nous l'utilisons seulement pour trier les services par distance.
search-use-position = Utiliser ma position
search-position-note = Votre position est envoyée seulement si vous appuyez sur le bouton. Elle n'est jamais enregistrée et n'apparaît dans aucune adresse web.
search-position-used = Triés par distance depuis votre position.
search-speak = Langue que vous parlez
search-speak-any = Toutes les langues
search-speak-only = Seulement les services dont l'équipe parle cette langue
search-filters = Plus de filtres
search-support-kind = Type d'aide
search-crime-kind = Ce qui s'est passé / pour qui
search-channel = Comment les contacter
search-accessibility = Accessibilité
search-free = Gratuit uniquement
search-open-now = Ouvert maintenant
search-24h = Ouvert 24 h/24
search-submit = Rechercher
search-results = Résultats
search-count = { $count ->
    [0] Aucun service trouvé.
    [one] { $count } service trouvé.
   *[other] { $count } services trouvés.
}
search-none-hint = Essayez avec moins de filtres. Les numéros d'urgence et les lignes d'écoute nationales sont indiqués sur la page de chaque pays.
search-section-crime = Lieu des faits : { $country }
search-section-residence = Votre pays de résidence : { $country }
search-cross-border-note = Les faits ont eu lieu dans un pays et vous vivez dans un autre. Vous pouvez recevoir de l'aide dans les deux. Les services qui aident au-delà des frontières apparaissent en premier.
search-city-unknown = Nous n'avons pas trouvé le lieu « { $place } ». Vérifiez l'orthographe ou choisissez un pays.
search-near-place = Triés par distance depuis { $place }.
page-previous = Page précédente
page-next = Page suivante
page-of = Page { $page } sur { $pages }

service-contact = Comment les contacter
service-phone = Téléphone
service-website = Site web
service-email = E-mail
service-hours = Horaires
service-hours-local = Les horaires sont à l'heure locale ({ $zone }).
service-hours-unknown = Horaires inconnus.
service-open-now = Ouvert maintenant
service-closed-now = Fermé en ce moment
service-open-unknown = Nous ne savons pas si c'est ouvert en ce moment.
service-24h = Ouvert 24 h/24, 7 j/7
service-languages = Langues parlées
service-languages-unknown = Langues parlées : inconnues
service-cost = Coût
service-free = Gratuit
service-cost-unknown = Coût : inconnu
service-channels = Moyens de contact
service-accessibility = Accessibilité
service-accessibility-unknown = Accessibilité : inconnue
service-area = Zone couverte
service-nationwide = Tout le pays : { $country }
service-kinds = Aide proposée
service-groups = Pour qui
service-organization = Géré par
service-sources = Sources
service-verified = Dernière vérification : { $date }
service-verified-unknown = Dernière vérification : inconnue
service-confidential = Pour la sécurité de tous, l'adresse de ce lieu reste confidentielle. Contactez d'abord le service par téléphone.
service-translation-note = Ce texte n'est pas disponible dans votre langue.
service-translation-unreviewed = Ce texte a été traduit avec l’aide d’une machine et n’a pas encore été relu par une personne de langue maternelle.
service-not-found = Ce service n'existe pas ou n'est plus dans la liste.
service-distance = À environ { $km } km
service-covers-place = Couvre tout le pays
service-cross-border = Aide au-delà des frontières

country-title = Aide aux victimes : { $country }
country-emergency = Numéros d'urgence
country-helplines = Lignes d'écoute nationales
country-helplines-none = Nous n'avons pas encore de ligne d'écoute nationale pour ce pays.
country-services = Services d'aide
country-services-none = Nous n'avons pas encore de services pour ce pays. Les numéros d'urgence fonctionnent quand même.
country-all-services = Rechercher tous les services ({ $country })
country-notes = Remarques
country-sources = Sources
countries-title = Pays
country-group-eu = Union européenne
country-group-eea = Espace économique européen
country-group-western_balkans = Balkans occidentaux
country-group-eastern = Europe de l'Est et Caucase
country-group-microstate = Petits États
country-group-other = Autres pays européens
country-little-known = Harbour a encore peu d'informations sur ce pays.

safety-title = Votre sécurité : quitter rapidement et protéger votre vie privée
safety-intro = Si quelqu'un risque de regarder votre téléphone ou votre ordinateur, ces conseils peuvent vous aider.
safety-exit-heading = Ce que fait le bouton « Quitter rapidement »
safety-exit-does = Le bouton « Quitter rapidement », comme la touche Esc, remplace tout de suite cette page par une page neutre. La page où vous étiez est retirée du bouton « Retour ».
safety-exit-limits-heading = Ce que ce bouton ne peut pas cacher
safety-exit-limits = Il ne peut pas effacer votre historique de navigation. Les pages visitées avant peuvent encore y apparaître. Quelqu'un pourrait aussi voir ce site dans la liste des onglets ouverts récemment.
safety-private-heading = Naviguer plus discrètement
safety-private = Utilisez une fenêtre de navigation privée : elle ne garde aucun historique une fois fermée. Ou supprimez ce site de votre historique après votre visite.
safety-no-tracking-heading = Ce que Harbour ne fait pas
safety-no-tracking = Harbour n'utilise ni cookies ni traceurs, et ne charge rien depuis d'autres sites. Vos recherches ne sont pas enregistrées et n'apparaissent pas dans les adresses web.
safety-device-heading = Si votre appareil est peut-être surveillé
safety-device = Un logiciel espion peut voir tout ce que vous faites sur un appareil. Si vous pensez que le vôtre est surveillé, utilisez un appareil plus sûr, par exemple le téléphone d'une personne de confiance ou un ordinateur de bibliothèque.

exit-title = Météo
exit-text = Temps doux avec des éclaircies aujourd'hui. Vent faible. Averses possibles en fin de semaine.

error-title = Un problème est survenu
error-code = Code d'erreur : { $code }
error-request = Référence de la demande : { $id }
error-back = Retour à l'accueil
error-not-found = Cette page n'existe pas.
error-INTERNAL = Un problème est survenu de notre côté. Veuillez réessayer.
error-DIRECTORY-0001 = Nous ne connaissons pas ce pays.
error-DIRECTORY-0002 = Nous ne connaissons pas cette langue.
error-DIRECTORY-0003 = Les données de l'annuaire ne sont pas valides.
error-DIRECTORY-0004 = Une des options de recherche n'est pas valide.
error-DIRECTORY-0005 = Cette organisation n'existe pas.
error-DIRECTORY-0006 = Ce service n'existe pas ou n'est plus dans la liste.
error-HTTP-0404 = Cette page n'existe pas.
error-HTTP-0405 = Cette action n'est pas possible ici.
error-CONFIG-0001 = L'adresse de la base de données n'est pas valide.

# Kinds of support
support-emotional = Soutien moral
support-legal_information = Informations juridiques
support-legal_advice = Conseils juridiques
support-practical = Aide pratique
support-psychological = Soutien psychologique
support-court_accompaniment = Accompagnement au tribunal
support-shelter = Hébergement d'urgence
support-helpline = Ligne d'écoute
support-online_chat = Tchat en ligne
support-compensation_help = Aide pour l'indemnisation
support-restorative_justice = Justice restaurative
support-cross_border_referral = Aide au-delà des frontières

# Kinds of crime / victim groups
crime-general = Toutes les victimes
crime-domestic_violence = Violences conjugales et familiales
crime-sexual_violence = Violences sexuelles
crime-child_victims = Enfants et jeunes
crime-trafficking = Traite des êtres humains
crime-hate_crime = Crimes et délits de haine
crime-terrorism = Terrorisme
crime-homicide_bereaved = Familles endeuillées par un homicide
crime-road_traffic = Violences routières
crime-cybercrime = Infractions sur internet
crime-fraud = Escroqueries

# Channels
channel-phone = Téléphone
channel-chat = Tchat
channel-email = E-mail
channel-in_person = Sur place

# Accessibility features
access-step_free = Accès sans marches
access-sign_language = Langue des signes
access-easy_read = Textes faciles à lire (FALC)
access-hearing_loop = Boucle magnétique
access-text_relay = Relais téléphonique par texte
