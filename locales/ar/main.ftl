# Harbour — user interface strings (Arabic, Modern Standard Arabic).
# Every key here must exist in every shipped locale, with the same placeholders.

site-name = Harbour
site-tagline = مساعدة مجانية وسرية لضحايا الجرائم، بلغتك
skip-to-content = الانتقال إلى المحتوى
quick-exit = خروج سريع
quick-exit-hint = مغادرة هذا الموقع فورًا (أو الضغط على مفتاح Esc)
quick-exit-about = عن الخروج السريع والحفاظ على سلامتك
language-switcher = اللغة
nav-home = الرئيسية
nav-find-support = البحث عن مساعدة
nav-countries = البلدان
nav-safety = الأمان على الإنترنت
footer-text = يعرض Harbour خدمات مجانية وسرية لدعم ضحايا الجرائم في أنحاء أوروبا. لا يتتبعك ولا يستخدم ملفات تعريف الارتباط (الكوكيز).
footer-data = بيانات الدليل: المصادر مذكورة مع كل خدمة. الأماكن: GeoNames (CC BY 4.0).
footer-api = بيانات مفتوحة (واجهة HSDS البرمجية)

home-title = مساعدة لضحايا الجرائم
home-intro = إذا كنت أنت أو أحد المقربين منك ضحية لجريمة، يمكنك الحصول على دعم مجاني وسري. لا يلزمك إبلاغ الشرطة أولًا.
home-emergency-heading = هل أنت في خطر الآن؟ يمكنك الاتصال فورًا برقم الطوارئ
home-choose-country = اختيار البلد
home-show = عرض
emergency-general = الرقم 112 يعمل في كل دول الاتحاد الأوروبي، مجانًا، ومن أي هاتف.
emergency-number = رقم الطوارئ
emergency-unknown = لم نتحقق بعد من أرقام الطوارئ في هذا البلد. في الاتحاد الأوروبي، يعمل الرقم 112 دائمًا.
helpline-116006 = 116 006 – خط المساعدة لضحايا الجرائم
helpline-116006-yes = خط المساعدة 116 006 يعمل في هذا البلد.
helpline-116006-no = خط المساعدة 116 006 لا يعمل في هذا البلد (حتى الآن).
helpline-116006-unknown = لا نعرف إن كان الرقم 116 006 يعمل في هذا البلد.
helpline-operator = الجهة المشغِّلة: { $operator }
home-search-heading = البحث عن خدمة دعم
home-countries-heading = الدعم حسب البلد
unknown = غير معروف

search-title = البحث عن مساعدة
search-what = ما نوع المساعدة المطلوبة؟ (اختياري)
search-what-hint = مثلًا: العنف الأسري، استشارة قانونية، اسم خدمة
search-crime-country = أين وقع ذلك؟
search-residence-country = أين مكان إقامتك؟
search-any-country = أي بلد
search-near = بالقرب من مدينة أو بلدة (اختياري)
search-near-hint = نستخدم هذا فقط لترتيب الخدمات حسب المسافة.
search-use-position = استخدام موقعي
search-position-note = لا يُرسَل موقعك إلا عند الضغط على الزر، ولا يُحفَظ أبدًا، ولا يظهر في أي عنوان ويب.
search-position-used = مرتبة حسب المسافة من موقعك.
search-speak = لغتك
search-speak-any = أي لغة
search-speak-only = فقط الخدمات التي يتحدث موظفوها هذه اللغة
search-filters = مزيد من عوامل التصفية
search-support-kind = نوع الدعم
search-crime-kind = ماذا حدث / لمن الخدمة
search-channel = طريقة التواصل
search-accessibility = سهولة الوصول
search-free = المجانية فقط
search-open-now = مفتوح الآن
search-24h = مفتوح على مدار 24 ساعة
search-submit = بحث
search-results = النتائج
search-count = { $count ->
    [zero] لم يُعثر على أي خدمة.
    [one] عُثر على خدمة واحدة.
    [two] عُثر على خدمتين.
    [few] عُثر على { $count } خدمات.
    [many] عُثر على { $count } خدمة.
   *[other] عُثر على { $count } خدمة.
}
search-none-hint = يمكن تجربة عدد أقل من عوامل التصفية. تظهر أرقام الطوارئ وخطوط المساعدة الوطنية في صفحة كل بلد.
search-section-crime = مكان وقوع الجريمة: { $country }
search-section-residence = مكان إقامتك: { $country }
search-cross-border-note = وقعت الجريمة في بلد، ومكان إقامتك في بلد آخر. يمكنك الحصول على الدعم في البلدين كليهما. تظهر أولًا الخدمات التي تساعد عبر الحدود.
search-city-unknown = لم نعثر على المكان «{ $place }». يُرجى التحقق من الكتابة أو اختيار بلد.
search-near-place = مرتبة حسب المسافة من { $place }.
page-previous = الصفحة السابقة
page-next = الصفحة التالية
page-of = الصفحة { $page } من { $pages }

service-contact = كيفية التواصل
service-phone = الهاتف
service-website = الموقع الإلكتروني
service-email = البريد الإلكتروني
service-hours = ساعات العمل
service-hours-local = الأوقات بالتوقيت المحلي ({ $zone }).
service-hours-unknown = ساعات العمل غير معروفة.
service-open-now = مفتوح الآن
service-closed-now = مغلق الآن
service-open-unknown = لا نعرف إن كان مفتوحًا الآن.
service-24h = مفتوح على مدار الساعة، كل يوم
service-languages = اللغات المستخدمة
service-languages-unknown = اللغات المستخدمة: غير معروفة
service-cost = التكلفة
service-free = مجاني
service-cost-unknown = التكلفة: غير معروفة
service-channels = طرق التواصل
service-accessibility = سهولة الوصول
service-accessibility-unknown = سهولة الوصول: غير معروفة
service-area = نطاق الخدمة
service-nationwide = البلد كله: { $country }
service-kinds = الدعم المقدَّم
service-groups = لمن الخدمة
service-organization = الجهة المسؤولة
service-sources = المصادر
service-verified = آخر تحقق: { $date }
service-verified-unknown = آخر تحقق: غير معروف
service-confidential = حفاظًا على السلامة، عنوان هذا المكان سري. يُرجى التواصل مع الخدمة هاتفيًا أولًا.
service-translation-note = هذا النص غير متوفر بلغتك.
service-translation-unreviewed = تُرجم هذا النص بمساعدة آلية ولم يراجعه بعد متحدث أصلي باللغة.
service-not-found = هذه الخدمة غير موجودة أو لم تعد مدرجة.
service-distance = على بعد نحو { $km } كم
service-covers-place = تخدم البلد كله
service-cross-border = تساعد عبر الحدود

country-title = الدعم في { $country }
country-emergency = أرقام الطوارئ
country-helplines = خطوط المساعدة الوطنية
country-helplines-none = ليس لدينا بعد خط مساعدة وطني لهذا البلد.
country-services = خدمات الدعم
country-services-none = ليس لدينا بعد خدمات في هذا البلد. أرقام الطوارئ تعمل رغم ذلك.
country-all-services = البحث في كل الخدمات في { $country }
country-notes = ملاحظات
country-sources = المصادر
countries-title = البلدان
country-group-eu = الاتحاد الأوروبي
country-group-eea = المنطقة الاقتصادية الأوروبية
country-group-western_balkans = غرب البلقان
country-group-eastern = أوروبا الشرقية والقوقاز
country-group-microstate = الدول الصغيرة
country-group-other = دول أوروبية أخرى
country-little-known = لا يعرف Harbour الكثير عن هذا البلد بعد.

safety-title = البقاء بأمان: الخروج السريع والخصوصية
safety-intro = إذا كان أحد قد يفحص هاتفك أو حاسوبك، فقد تفيدك هذه النصائح.
safety-exit-heading = ماذا يفعل الخروج السريع
safety-exit-does = زر الخروج السريع، ومفتاح Esc أيضًا، يستبدلان هذه الصفحة فورًا بصفحة عادية لا تلفت الانتباه. وتُحذف الصفحة التي كنت فيها من زر الرجوع.
safety-exit-limits-heading = ما لا يستطيع الخروج السريع إخفاءه
safety-exit-limits = لا يستطيع حذف سجل التصفح. قد تبقى الصفحات التي زرتها من قبل ظاهرة في السجل. وقد يرى أحدٌ هذا الموقع أيضًا في قائمة علامات التبويب المفتوحة مؤخرًا.
safety-private-heading = تصفح أكثر أمانًا
safety-private = من الأفضل استخدام نافذة خاصة (التصفح المتخفي): فهي لا تحتفظ بأي سجل بعد إغلاقها. ويمكنك أيضًا حذف هذا الموقع من السجل بعد ذلك.
safety-no-tracking-heading = ما لا يفعله Harbour
safety-no-tracking = لا يستخدم Harbour ملفات تعريف الارتباط ولا أدوات التتبع، ولا يحمّل أي شيء من مواقع أخرى. لا تُحفظ عمليات بحثك ولا تظهر في عناوين الويب.
safety-device-heading = إذا كان جهازك قد يكون مراقَبًا
safety-device = برامج التجسس يمكنها رؤية كل ما يجري على الجهاز. إذا شككت في أن جهازك مراقَب، فمن الأفضل استخدام جهاز أكثر أمانًا، مثل هاتف شخص تثق به أو حاسوب في مكتبة عامة.

exit-title = الطقس
exit-text = طقس معتدل اليوم مع فترات مشمسة. رياح خفيفة. احتمال هطول زخات مطر في وقت لاحق من هذا الأسبوع.

error-title = حدث خطأ ما
error-code = رمز الخطأ: { $code }
error-request = مرجع الطلب: { $id }
error-back = العودة إلى الصفحة الرئيسية
error-not-found = هذه الصفحة غير موجودة.
error-INTERNAL = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.
error-DIRECTORY-0001 = هذا البلد غير معروف لدينا.
error-DIRECTORY-0002 = هذه اللغة غير معروفة لدينا.
error-DIRECTORY-0003 = بيانات الدليل غير صالحة.
error-DIRECTORY-0004 = أحد خيارات البحث غير صالح.
error-DIRECTORY-0005 = هذه المنظمة غير موجودة.
error-DIRECTORY-0006 = هذه الخدمة غير موجودة أو لم تعد مدرجة.
error-HTTP-0404 = هذه الصفحة غير موجودة.
error-HTTP-0405 = هذا الإجراء غير مسموح به هنا.
error-CONFIG-0001 = عنوان قاعدة البيانات غير صالح.

# Kinds of support
support-emotional = الدعم المعنوي
support-legal_information = معلومات قانونية
support-legal_advice = استشارة قانونية
support-practical = مساعدة عملية
support-psychological = دعم نفسي
support-court_accompaniment = مرافقة إلى المحكمة
support-shelter = مأوى آمن
support-helpline = خط مساعدة
support-online_chat = دردشة عبر الإنترنت
support-compensation_help = المساعدة في الحصول على تعويض
support-restorative_justice = العدالة التصالحية
support-cross_border_referral = المساعدة عبر الحدود

# Kinds of crime / victim groups
crime-general = جميع ضحايا الجرائم
crime-domestic_violence = العنف الأسري
crime-sexual_violence = العنف الجنسي
crime-child_victims = الأطفال والشباب
crime-trafficking = الاتجار بالبشر
crime-hate_crime = جرائم الكراهية
crime-terrorism = الإرهاب
crime-homicide_bereaved = أسر ضحايا القتل
crime-road_traffic = جرائم المرور
crime-cybercrime = الجرائم الإلكترونية
crime-fraud = الاحتيال

# Channels
channel-phone = الهاتف
channel-chat = الدردشة
channel-email = البريد الإلكتروني
channel-in_person = حضوريًا

# Accessibility features
access-step_free = مدخل بلا درجات
access-sign_language = لغة الإشارة
access-easy_read = معلومات سهلة القراءة
access-hearing_loop = حلقة سمعية (حلقة الحث)
access-text_relay = خدمة الوساطة النصية
