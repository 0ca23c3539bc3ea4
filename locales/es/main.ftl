# Harbour — user interface strings (Spanish).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Ayuda gratuita y confidencial para víctimas de delitos, en su idioma
skip-to-content = Ir al contenido
quick-exit = Salida rápida
quick-exit-hint = Salga de esta web ahora (o pulse Esc)
quick-exit-about = Sobre la salida rápida y cómo protegerse
language-switcher = Idioma
nav-home = Inicio
nav-find-support = Buscar ayuda
nav-countries = Países
nav-safety = Seguridad en internet
footer-text = Harbour reúne servicios gratuitos y confidenciales de apoyo a víctimas en toda Europa. No le rastrea y no usa cookies.
footer-data = Datos del directorio: las fuentes aparecen en cada servicio. Lugares: GeoNames (CC BY 4.0).
footer-api = Datos abiertos (API HSDS)

home-title = Ayuda para víctimas de delitos
home-intro = Si usted o alguien cercano ha sido víctima de un delito, puede recibir apoyo gratuito y confidencial. No hace falta denunciar antes a la policía.
home-emergency-heading = ¿Está en peligro ahora? Llame al número de emergencias
home-choose-country = Elija un país
home-show = Mostrar
emergency-general = El 112 funciona en todos los países de la UE, gratis, desde cualquier teléfono.
emergency-number = Número de emergencias
emergency-unknown = Aún no hemos comprobado los números de emergencia de este país. En la UE, el 112 siempre funciona.
helpline-116006 = 116 006 – línea de ayuda a víctimas de delitos
helpline-116006-yes = La línea 116 006 funciona en este país.
helpline-116006-no = La línea 116 006 (todavía) no funciona en este país.
helpline-116006-unknown = No sabemos si la línea 116 006 funciona en este país.
helpline-operator = Gestionada por: { $operator }
home-search-heading = Buscar un servicio de apoyo
home-countries-heading = Apoyo por país
unknown = No se sabe

search-title = Buscar ayuda
search-what = ¿Qué busca? (opcional)
search-what-hint = Por ejemplo: violencia doméstica, asesoramiento jurídico, el nombre de un servicio
search-crime-country = ¿Dónde ocurrió?
search-residence-country = ¿Dónde vive?
search-any-country = Cualquier país
search-near = Cerca de una ciudad o un pueblo (opcional)
search-near-hint = Solo lo usamos para ordenar los servicios por distancia.
search-use-position = Usar mi ubicación
search-position-note = Su ubicación solo se envía cuando pulsa el botón. Nunca se guarda y no aparece en ninguna dirección web.
search-position-used = Ordenados por distancia desde su ubicación.
search-speak = Idioma que habla
search-speak-any = Cualquier idioma
search-speak-only = Solo servicios cuyo personal habla este idioma
search-filters = Más filtros
search-support-kind = Tipo de apoyo
search-crime-kind = Qué ocurrió / para quién es
search-channel = Cómo contactar
search-accessibility = Accesibilidad
search-free = Solo gratuitos
search-open-now = Abierto ahora
search-24h = Abierto 24 horas
search-submit = Buscar
search-results = Resultados
search-count = { $count ->
    [0] No se han encontrado servicios.
    [one] Se ha encontrado un servicio.
   *[other] Se han encontrado { $count } servicios.
}
search-none-hint = Pruebe con menos filtros. Los números de emergencia y las líneas de ayuda nacionales aparecen en la página de cada país.
search-section-crime = Dónde ocurrió: { $country }
search-section-residence = Dónde vive: { $country }
search-cross-border-note = El delito ocurrió en un país y usted vive en otro. Puede recibir apoyo en los dos. Primero aparecen los servicios que ayudan entre países.
search-city-unknown = No hemos encontrado el lugar «{ $place }». Revise cómo está escrito o elija un país.
search-near-place = Ordenados por distancia desde { $place }.
page-previous = Página anterior
page-next = Página siguiente
page-of = Página { $page } de { $pages }

service-contact = Cómo contactar
service-phone = Teléfono
service-website = Sitio web
service-email = Correo electrónico
service-hours = Horario
service-hours-local = El horario está en hora local ({ $zone }).
service-hours-unknown = Horario desconocido.
service-open-now = Abierto ahora
service-closed-now = Cerrado ahora
service-open-unknown = No sabemos si está abierto ahora.
service-24h = Abierto 24 horas, todos los días
service-languages = Idiomas que hablan
service-languages-unknown = Idiomas que hablan: no se sabe
service-cost = Coste
service-free = Gratuito
service-cost-unknown = Coste: no se sabe
service-channels = Formas de contacto
service-accessibility = Accesibilidad
service-accessibility-unknown = Accesibilidad: no se sabe
service-area = Zona que atiende
service-nationwide = Todo el país: { $country }
service-kinds = Apoyo que ofrece
service-groups = Para quién es
service-organization = Gestionado por
service-sources = Fuentes
service-verified = Última comprobación: { $date }
service-verified-unknown = Última comprobación: no se sabe
service-confidential = Por seguridad, la dirección de este lugar es confidencial. Contacte primero con el servicio por teléfono.
service-translation-note = Este texto no está disponible en su idioma.
service-translation-unreviewed = Este texto se tradujo con ayuda de una máquina y aún no lo ha revisado una persona nativa.
service-not-found = Este servicio no existe o ya no aparece en la lista.
service-distance = A unos { $km } km
service-covers-place = Atiende a todo el país
service-cross-border = Ayuda entre países

country-title = Apoyo a víctimas: { $country }
country-emergency = Números de emergencia
country-helplines = Líneas de ayuda nacionales
country-helplines-none = Aún no tenemos ninguna línea de ayuda nacional para este país.
country-services = Servicios de apoyo
country-services-none = Aún no tenemos servicios para este país. Los números de emergencia funcionan igualmente.
country-all-services = Buscar todos los servicios ({ $country })
country-notes = Notas
country-sources = Fuentes
countries-title = Países
country-group-eu = Unión Europea
country-group-eea = Espacio Económico Europeo
country-group-western_balkans = Balcanes Occidentales
country-group-eastern = Europa del Este y el Cáucaso
country-group-microstate = Estados pequeños
country-group-other = Otros países europeos
country-little-known = Harbour todavía sabe poco sobre este país.

safety-title = Su seguridad: salida rápida y privacidad
safety-intro = Si alguien puede revisar su móvil o su ordenador, estos consejos pueden ayudarle.
safety-exit-heading = Qué hace la salida rápida
safety-exit-does = El botón de salida rápida, y también la tecla Esc, cambian al instante esta página por otra neutral. La página en la que estaba desaparece del botón «Atrás».
safety-exit-limits-heading = Lo que la salida rápida no puede ocultar
safety-exit-limits = No puede borrar su historial de navegación. Las páginas que visitó antes pueden seguir en el historial. Alguien también podría ver esta web en la lista de pestañas abiertas hace poco.
safety-private-heading = Navegar de forma más segura
safety-private = Use una ventana privada o de incógnito: no guarda historial cuando la cierra. O borre después esta web de su historial.
safety-no-tracking-heading = Lo que Harbour no hace
safety-no-tracking = Harbour no usa cookies ni rastreadores y no carga nada de otras webs. Sus búsquedas no se guardan y no aparecen en las direcciones web.
safety-device-heading = Si su dispositivo puede estar vigilado
safety-device = Un programa espía puede ver todo lo que hace en un dispositivo. Si cree que vigilan el suyo, use un dispositivo más seguro, por ejemplo el móvil de una persona de confianza o un ordenador de una biblioteca.

exit-title = El tiempo
exit-text = Hoy, tiempo templado con intervalos de sol. Viento flojo. Posibles chubascos a finales de semana.

error-title = Algo ha fallado
error-code = Código de error: { $code }
error-request = Referencia de la solicitud: { $id }
error-back = Volver a la página de inicio
error-not-found = Esta página no existe.
error-INTERNAL = Algo ha fallado por nuestra parte. Vuelva a intentarlo, por favor.
error-DIRECTORY-0001 = No conocemos este país.
error-DIRECTORY-0002 = No conocemos este idioma.
error-DIRECTORY-0003 = Los datos del directorio no son válidos.
error-DIRECTORY-0004 = Una de las opciones de búsqueda no es válida.
error-DIRECTORY-0005 = Esta organización no existe.
error-DIRECTORY-0006 = Este servicio no existe o ya no aparece en la lista.
error-HTTP-0404 = Esta página no existe.
error-HTTP-0405 = Esta acción no está permitida aquí.
error-CONFIG-0001 = La dirección de la base de datos no es válida.

# Kinds of support
support-emotional = Apoyo emocional
support-legal_information = Información jurídica
support-legal_advice = Asesoramiento jurídico
support-practical = Ayuda práctica
support-psychological = Apoyo psicológico
support-court_accompaniment = Acompañamiento al juzgado
support-shelter = Alojamiento seguro
support-helpline = Línea de ayuda
support-online_chat = Chat en línea
support-compensation_help = Ayuda para pedir una indemnización
support-restorative_justice = Justicia restaurativa
support-cross_border_referral = Ayuda entre países

# Kinds of crime / victim groups
crime-general = Todas las víctimas de delitos
crime-domestic_violence = Violencia doméstica
crime-sexual_violence = Violencia sexual
crime-child_victims = Niños, niñas y adolescentes
crime-trafficking = Trata de personas
crime-hate_crime = Delitos de odio
crime-terrorism = Terrorismo
crime-homicide_bereaved = Familiares de víctimas de homicidio
crime-road_traffic = Delitos de tráfico
crime-cybercrime = Delitos en internet
crime-fraud = Estafas

# Channels
channel-phone = Teléfono
channel-chat = Chat
channel-email = Correo electrónico
channel-in_person = En persona

# Accessibility features
access-step_free = Acceso sin escalones
access-sign_language = Lengua de signos
access-easy_read = Información en lectura fácil
access-hearing_loop = Bucle magnético
access-text_relay = Servicio de intermediación por texto
