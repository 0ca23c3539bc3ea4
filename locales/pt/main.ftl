# Harbour — user interface strings (Portuguese, European).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Apoio gratuito e confidencial para vítimas de crime, na sua língua
skip-to-content = Ir para o conteúdo
quick-exit = Saída rápida
quick-exit-hint = Saia já deste site (ou prima Esc)
quick-exit-about = Sobre a saída rápida e a sua segurança
language-switcher = Língua
nav-home = Início
nav-find-support = Encontrar apoio
nav-countries = Países
nav-safety = Segurança online
footer-text = O Harbour reúne serviços gratuitos e confidenciais de apoio à vítima em toda a Europa. Não segue a sua atividade e não usa cookies.
footer-data = Dados do diretório: as fontes estão indicadas em cada serviço. Locais: GeoNames (CC BY 4.0).
footer-api = Dados abertos (API HSDS)

home-title = Apoio a vítimas de crime
home-intro = Se foi vítima de crime, ou se alguém próximo foi, pode receber apoio gratuito e confidencial. Não precisa de ir primeiro à polícia.
home-emergency-heading = Está em perigo agora? Ligue para o número de emergência
home-choose-country = Escolha um país
home-show = Mostrar
emergency-general = O 112 funciona em todos os países da UE, gratuitamente, a partir de qualquer telefone.
emergency-number = Número de emergência
emergency-unknown = Ainda não verificámos os números de emergência deste país. Na UE, o 112 funciona sempre.
helpline-116006 = 116 006 – linha de apoio à vítima de crime
helpline-116006-yes = A linha 116 006 funciona neste país.
helpline-116006-no = A linha 116 006 (ainda) não funciona neste país.
helpline-116006-unknown = Não sabemos se a linha 116 006 funciona neste país.
helpline-operator = Gerida por: { $operator }
home-search-heading = Encontrar um serviço de apoio
home-countries-heading = Apoio por país
unknown = Desconhecido

search-title = Encontrar apoio
search-what = O que procura? (opcional)
search-what-hint = Por exemplo: violência doméstica, apoio jurídico, o nome de um serviço
search-crime-country = Onde aconteceu?
search-residence-country = Onde vive?
search-any-country = Qualquer país
search-near = Perto de uma cidade ou localidade (opcional)
search-near-hint = Só usamos isto para ordenar os serviços por distância.
search-use-position = Usar a minha localização
search-position-note = A sua localização só é enviada quando usa o botão. Nunca é guardada e não aparece em nenhum endereço web.
search-position-used = Ordenados pela distância à sua localização.
search-speak = Língua que fala
search-speak-any = Qualquer língua
search-speak-only = Só serviços cuja equipa fala esta língua
search-filters = Mais filtros
search-support-kind = Tipo de apoio
search-crime-kind = O que aconteceu / para quem
search-channel = Como contactar
search-accessibility = Acessibilidade
search-free = Só gratuitos
search-open-now = Aberto agora
search-24h = Aberto 24 horas
search-submit = Pesquisar
search-results = Resultados
search-count = { $count ->
    [0] Nenhum serviço encontrado.
    [one] Foi encontrado um serviço.
   *[other] Foram encontrados { $count } serviços.
}
search-none-hint = Experimente usar menos filtros. Os números de emergência e as linhas de apoio nacionais aparecem na página de cada país.
search-section-crime = Onde aconteceu: { $country }
search-section-residence = Onde vive: { $country }
search-cross-border-note = O crime aconteceu num país e vive noutro. Pode receber apoio nos dois. Os serviços que ajudam entre países aparecem primeiro.
search-city-unknown = Não encontrámos o local «{ $place }». Verifique como está escrito ou escolha um país.
search-near-place = Ordenados pela distância a { $place }.
page-previous = Página anterior
page-next = Página seguinte
page-of = Página { $page } de { $pages }

service-contact = Como contactar
service-phone = Telefone
service-website = Site
service-email = E-mail
service-hours = Horário
service-hours-local = O horário está na hora local ({ $zone }).
service-hours-unknown = Horário desconhecido.
service-open-now = Aberto agora
service-closed-now = Fechado agora
service-open-unknown = Não sabemos se está aberto agora.
service-24h = Aberto 24 horas, todos os dias
service-languages = Línguas faladas
service-languages-unknown = Línguas faladas: desconhecido
service-cost = Custo
service-free = Gratuito
service-cost-unknown = Custo: desconhecido
service-channels = Formas de contacto
service-accessibility = Acessibilidade
service-accessibility-unknown = Acessibilidade: desconhecida
service-area = Área de atuação
service-nationwide = Todo o país: { $country }
service-kinds = Apoio prestado
service-groups = Para quem
service-organization = Gerido por
service-sources = Fontes
service-verified = Última verificação: { $date }
service-verified-unknown = Última verificação: desconhecida
service-confidential = Por segurança, a morada deste local é confidencial. Contacte primeiro o serviço por telefone.
service-translation-note = Este texto não está disponível na sua língua.
service-translation-unreviewed = Este texto foi traduzido com ajuda de uma máquina e ainda não foi revisto por um falante nativo.
service-not-found = Este serviço não existe ou já não consta da lista.
service-distance = A cerca de { $km } km
service-covers-place = Atende todo o país
service-cross-border = Ajuda entre países

country-title = Apoio à vítima: { $country }
country-emergency = Números de emergência
country-helplines = Linhas de apoio nacionais
country-helplines-none = Ainda não temos nenhuma linha de apoio nacional para este país.
country-services = Serviços de apoio
country-services-none = Ainda não temos serviços para este país. Os números de emergência continuam a funcionar.
country-all-services = Pesquisar todos os serviços ({ $country })
country-notes = Notas
country-sources = Fontes
countries-title = Países
country-group-eu = União Europeia
country-group-eea = Espaço Económico Europeu
country-group-western_balkans = Balcãs Ocidentais
country-group-eastern = Europa de Leste e Cáucaso
country-group-microstate = Pequenos Estados
country-group-other = Outros países europeus
country-little-known = O Harbour ainda sabe pouco sobre este país.

safety-title = Manter-se em segurança: saída rápida e privacidade
safety-intro = Se alguém pode ver o seu telemóvel ou computador, estas dicas podem ajudar.
safety-exit-heading = O que faz a saída rápida
safety-exit-does = O botão de saída rápida, e também a tecla Esc, trocam logo esta página por uma página neutra. A página onde estava deixa de aparecer no botão «Voltar».
safety-exit-limits-heading = O que a saída rápida não consegue esconder
safety-exit-limits = Não consegue apagar o seu histórico de navegação. As páginas que visitou antes podem continuar no histórico. Alguém também pode ver este site na lista de separadores abertos recentemente.
safety-private-heading = Navegar com mais segurança
safety-private = Use uma janela privada ou anónima: não guarda histórico depois de a fechar. Ou apague depois este site do seu histórico.
safety-no-tracking-heading = O que o Harbour não faz
safety-no-tracking = O Harbour não usa cookies nem rastreadores e não carrega nada de outros sites. As suas pesquisas não são guardadas e não aparecem nos endereços web.
safety-device-heading = Se o seu aparelho pode estar a ser vigiado
safety-device = Um programa espião pode ver tudo o que faz num aparelho. Se acha que o seu está a ser vigiado, use um aparelho mais seguro, por exemplo o telemóvel de uma pessoa de confiança ou um computador de uma biblioteca.

exit-title = Tempo
exit-text = Hoje, tempo ameno com períodos de sol. Vento fraco. Possibilidade de aguaceiros no fim da semana.

error-title = Algo correu mal
error-code = Código de erro: { $code }
error-request = Referência do pedido: { $id }
error-back = Voltar à página inicial
error-not-found = Esta página não existe.
error-INTERNAL = Algo correu mal do nosso lado. Tente novamente, por favor.
error-DIRECTORY-0001 = Não conhecemos este país.
error-DIRECTORY-0002 = Não conhecemos esta língua.
error-DIRECTORY-0003 = Os dados do diretório não são válidos.
error-DIRECTORY-0004 = Uma das opções de pesquisa não é válida.
error-DIRECTORY-0005 = Esta organização não existe.
error-DIRECTORY-0006 = Este serviço não existe ou já não consta da lista.
error-HTTP-0404 = Esta página não existe.
error-HTTP-0405 = Esta ação não é permitida aqui.
error-CONFIG-0001 = O endereço da base de dados não é válido.

# Kinds of support
support-emotional = Apoio emocional
support-legal_information = Informação jurídica
support-legal_advice = Aconselhamento jurídico
support-practical = Ajuda prática
support-psychological = Apoio psicológico
support-court_accompaniment = Acompanhamento a tribunal
support-shelter = Casa de abrigo
support-helpline = Linha de apoio
support-online_chat = Chat online
support-compensation_help = Ajuda para pedir indemnização
support-restorative_justice = Justiça restaurativa
support-cross_border_referral = Ajuda entre países

# Kinds of crime / victim groups
crime-general = Todas as vítimas de crime
crime-domestic_violence = Violência doméstica
crime-sexual_violence = Violência sexual
crime-child_victims = Crianças e jovens
crime-trafficking = Tráfico de seres humanos
crime-hate_crime = Crimes de ódio
crime-terrorism = Terrorismo
crime-homicide_bereaved = Familiares de vítimas de homicídio
crime-road_traffic = Crimes rodoviários
crime-cybercrime = Crimes na internet
crime-fraud = Burla

# Channels
channel-phone = Telefone
channel-chat = Chat
channel-email = E-mail
channel-in_person = Presencial

# Accessibility features
access-step_free = Acesso sem degraus
access-sign_language = Língua gestual
access-easy_read = Informação em leitura fácil
access-hearing_loop = Anel de indução magnética
access-text_relay = Serviço de retransmissão por texto
