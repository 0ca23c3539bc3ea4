# Harbour — user interface strings (Ukrainian).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = Безкоштовна конфіденційна допомога постраждалим від злочинів вашою мовою
skip-to-content = Перейти до змісту
quick-exit = Швидкий вихід
quick-exit-hint = Негайно залиште цей сайт (або натисніть Esc)
quick-exit-about = Про швидкий вихід і вашу безпеку
language-switcher = Мова
nav-home = Головна
nav-find-support = Знайти допомогу
nav-countries = Країни
nav-safety = Безпека в інтернеті
footer-text = Harbour збирає безкоштовні конфіденційні служби підтримки постраждалих від злочинів по всій Європі. Сайт не стежить за вами і не використовує файли cookie.
footer-data = Дані довідника: джерела вказано в описі кожної служби. Населені пункти: GeoNames (CC BY 4.0).
footer-api = Відкриті дані (API HSDS)

home-title = Допомога постраждалим від злочинів
home-intro = Якщо ви або хтось із ваших близьких постраждали від злочину, ви можете отримати безкоштовну і конфіденційну підтримку. Не обовʼязково спершу звертатися до поліції.
home-emergency-heading = Вам загрожує небезпека? Телефонуйте на номер екстреної допомоги
home-choose-country = Оберіть країну
home-show = Показати
emergency-general = Номер 112 працює в кожній країні ЄС, безкоштовно, з будь-якого телефону.
emergency-number = Номер екстреної допомоги
emergency-unknown = Ми ще не перевірили номери екстреної допомоги для цієї країни. У ЄС завжди працює 112.
helpline-116006 = 116 006 – гаряча лінія для постраждалих від злочинів
helpline-116006-yes = Гаряча лінія 116 006 працює в цій країні.
helpline-116006-no = Гаряча лінія 116 006 (поки що) не працює в цій країні.
helpline-116006-unknown = Ми не знаємо, чи працює 116 006 у цій країні.
helpline-operator = Оператор: { $operator }
home-search-heading = Знайти службу підтримки
home-countries-heading = Підтримка за країнами
unknown = Невідомо

search-title = Знайти допомогу
search-what = Що ви шукаєте? (необовʼязково)
search-what-hint = Наприклад: домашнє насильство, юридична консультація, назва служби
search-crime-country = Де це сталося?
search-residence-country = Де ви живете?
search-any-country = Будь-яка країна
search-near = Поблизу міста чи села (необовʼязково)
search-near-hint = Ми використовуємо це лише для сортування служб за відстанню.
search-use-position = Використати моє місцезнаходження
search-position-note = Ваше місцезнаходження надсилається лише тоді, коли ви натискаєте кнопку. Воно ніколи не зберігається і не потрапляє в жодну вебадресу.
search-position-used = Упорядковано за відстанню від вашого місцезнаходження.
search-speak = Мова, якою ви розмовляєте
search-speak-any = Будь-яка мова
search-speak-only = Лише служби, працівники яких розмовляють цією мовою
search-filters = Більше фільтрів
search-support-kind = Вид допомоги
search-crime-kind = Що сталося / для кого
search-channel = Як звʼязатися
search-accessibility = Доступність
search-free = Лише безкоштовні
search-open-now = Відкрито зараз
search-24h = Цілодобово
search-submit = Шукати
search-results = Результати
search-count = { $count ->
    [0] Не знайдено жодної служби.
    [one] Знайдено { $count } службу.
    [few] Знайдено { $count } служби.
    [many] Знайдено { $count } служб.
   *[other] Знайдено { $count } служби.
}
search-none-hint = Спробуйте менше фільтрів. Номери екстреної допомоги та національні гарячі лінії є на сторінці кожної країни.
search-section-crime = Де це сталося: { $country }
search-section-residence = Де ви живете: { $country }
search-cross-border-note = Злочин стався в одній країні, а живете ви в іншій. Ви можете отримати підтримку в обох. Спершу показано служби, які допомагають між країнами.
search-city-unknown = Не вдалося знайти місце «{ $place }». Перевірте написання або оберіть країну.
search-near-place = Упорядковано за відстанню від місця: { $place }.
page-previous = Попередня сторінка
page-next = Наступна сторінка
page-of = Сторінка { $page } з { $pages }

service-contact = Як звʼязатися
service-phone = Телефон
service-website = Вебсайт
service-email = Електронна пошта
service-hours = Години роботи
service-hours-local = Час указано місцевий ({ $zone }).
service-hours-unknown = Години роботи невідомі.
service-open-now = Зараз відкрито
service-closed-now = Зараз зачинено
service-open-unknown = Ми не знаємо, чи відкрито зараз.
service-24h = Цілодобово, щодня
service-languages = Мови спілкування
service-languages-unknown = Мови спілкування: невідомо
service-cost = Вартість
service-free = Безкоштовно
service-cost-unknown = Вартість: невідомо
service-channels = Способи звʼязку
service-accessibility = Доступність
service-accessibility-unknown = Доступність: невідомо
service-area = Де працює
service-nationwide = Уся країна: { $country }
service-kinds = Яку допомогу надають
service-groups = Для кого
service-organization = Організація
service-sources = Джерела
service-verified = Востаннє перевірено: { $date }
service-verified-unknown = Востаннє перевірено: невідомо
service-confidential = З міркувань безпеки адресу цього місця не розголошують. Спершу звʼяжіться зі службою телефоном.
service-translation-note = Цей текст недоступний вашою мовою.
service-translation-unreviewed = Цей текст перекладено за допомогою машини, і його ще не перевірив носій мови.
service-not-found = Такої служби немає або її більше немає в переліку.
service-distance = Приблизно за { $km } км
service-covers-place = Працює по всій країні
service-cross-border = Допомагає між країнами

country-title = Допомога: { $country }
country-emergency = Номери екстреної допомоги
country-helplines = Національні гарячі лінії
country-helplines-none = Для цієї країни ми ще не маємо національної гарячої лінії.
country-services = Служби підтримки
country-services-none = Для цієї країни ми ще не маємо служб. Номери екстреної допомоги все одно працюють.
country-all-services = Шукати всі служби ({ $country })
country-notes = Примітки
country-sources = Джерела
countries-title = Країни
country-group-eu = Європейський Союз
country-group-eea = Європейська економічна зона
country-group-western_balkans = Західні Балкани
country-group-eastern = Східна Європа та Кавказ
country-group-microstate = Малі держави
country-group-other = Інші європейські держави
country-little-known = Harbour поки що мало знає про цю країну.

safety-title = Безпека: швидкий вихід і приватність
safety-intro = Якщо хтось може перевіряти ваш телефон чи компʼютер, ці поради можуть допомогти.
safety-exit-heading = Що робить швидкий вихід
safety-exit-does = Кнопка «Швидкий вихід» і клавіша Esc одразу замінюють цю сторінку нейтральною. Сторінка, на якій ви були, зникає з кнопки «Назад».
safety-exit-limits-heading = Чого швидкий вихід не може приховати
safety-exit-limits = Він не може видалити історію перегляду. Сторінки, які ви відкривали раніше, можуть залишитися в історії. Хтось також може побачити цей сайт у списку нещодавно відкритих вкладок.
safety-private-heading = Безпечніший перегляд
safety-private = Користуйтеся приватним вікном (режимом інкогніто): після закриття воно не зберігає історії. Або пізніше видаліть цей сайт з історії.
safety-no-tracking-heading = Чого Harbour не робить
safety-no-tracking = Harbour не використовує файли cookie чи трекери й нічого не завантажує з інших сайтів. Ваші пошукові запити не зберігаються і не потрапляють у вебадреси.
safety-device-heading = Якщо за вашим пристроєм можуть стежити
safety-device = Шпигунські програми бачать усе, що ви робите на пристрої. Якщо ви думаєте, що за вашим пристроєм стежать, скористайтеся безпечнішим, наприклад телефоном людини, якій ви довіряєте, або компʼютером у бібліотеці.

exit-title = Погода
exit-text = Сьогодні помірно тепло, часом сонячно. Слабкий вітер. Наприкінці тижня можливі зливи.

error-title = Щось пішло не так
error-code = Код помилки: { $code }
error-request = Номер запиту: { $id }
error-back = Повернутися на головну
error-not-found = Такої сторінки немає.
error-INTERNAL = У нас щось пішло не так. Спробуйте ще раз.
error-DIRECTORY-0001 = Ми не знаємо такої країни.
error-DIRECTORY-0002 = Ми не знаємо такої мови.
error-DIRECTORY-0003 = Дані довідника недійсні.
error-DIRECTORY-0004 = Один із параметрів пошуку недійсний.
error-DIRECTORY-0005 = Такої організації немає.
error-DIRECTORY-0006 = Такої служби немає або її більше немає в переліку.
error-HTTP-0404 = Такої сторінки немає.
error-HTTP-0405 = Цю дію тут виконати не можна.
error-CONFIG-0001 = Адреса бази даних недійсна.

# Kinds of support
support-emotional = Емоційна підтримка
support-legal_information = Правова інформація
support-legal_advice = Юридична консультація
support-practical = Практична допомога
support-psychological = Психологічна допомога
support-court_accompaniment = Супровід у суді
support-shelter = Притулок
support-helpline = Гаряча лінія
support-online_chat = Онлайн-чат
support-compensation_help = Допомога з отриманням компенсації
support-restorative_justice = Відновне правосуддя
support-cross_border_referral = Допомога між країнами

# Kinds of crime / victim groups
crime-general = Усі постраждалі від злочинів
crime-domestic_violence = Домашнє насильство
crime-sexual_violence = Сексуальне насильство
crime-child_victims = Діти та молодь
crime-trafficking = Торгівля людьми
crime-hate_crime = Злочини на ґрунті ненависті
crime-terrorism = Тероризм
crime-homicide_bereaved = Родини загиблих унаслідок убивства
crime-road_traffic = Злочини на дорогах
crime-cybercrime = Злочини в інтернеті
crime-fraud = Шахрайство

# Channels
channel-phone = Телефон
channel-chat = Чат
channel-email = Електронна пошта
channel-in_person = Особисто

# Accessibility features
access-step_free = Вхід без сходинок
access-sign_language = Жестова мова
access-easy_read = Інформація простою мовою
access-hearing_loop = Індукційна петля
access-text_relay = Текстовий звʼязок через посередника
