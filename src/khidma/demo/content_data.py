# ruff: noqa: E501 — prose in ten languages, kept one sentence group per line
"""The demo's advisory knowledge base ("Mustasharak Al-Amin") and awareness posts ("Municipal Snap").

Arabic is the source; every article is given in all ten public languages. The figures and steps are
illustrative, written for the demo, not the municipality's regulations: a real installation writes its
own through the back office.
"""

from __future__ import annotations

TOPICS: list[tuple[str, dict[str, str]]] = [
    (
        "engineering-offices",
        {
            "ar": "المكاتب الهندسية",
            "en": "Engineering offices",
            "ur": "انجینئرنگ دفاتر",
            "id": "Kantor teknik",
            "hi": "इंजीनियरिंग कार्यालय",
            "ms": "Pejabat kejuruteraan",
            "fa": "دفاتر مهندسی",
            "bn": "প্রকৌশল অফিস",
            "tr": "Mühendislik büroları",
            "fr": "Bureaux d’études",
        },
    ),
    (
        "residential-building",
        {
            "ar": "البناء السكني",
            "en": "Residential building",
            "ur": "رہائشی تعمیر",
            "id": "Bangunan hunian",
            "hi": "आवासीय निर्माण",
            "ms": "Bangunan kediaman",
            "fa": "ساختمان مسکونی",
            "bn": "আবাসিক ভবন নির্মাণ",
            "tr": "Konut yapımı",
            "fr": "Construction résidentielle",
        },
    ),
    (
        "shops",
        {
            "ar": "المحلات الغذائية والتجارية",
            "en": "Food and commercial shops",
            "ur": "خوراک اور تجارتی دکانیں",
            "id": "Toko makanan dan toko komersial",
            "hi": "खाद्य और व्यावसायिक दुकानें",
            "ms": "Kedai makanan dan kedai perniagaan",
            "fa": "مغازه‌های مواد غذایی و تجاری",
            "bn": "খাদ্য ও বাণিজ্যিক দোকান",
            "tr": "Gıda ve ticari dükkânlar",
            "fr": "Commerces alimentaires et autres commerces",
        },
    ),
    (
        "investment",
        {
            "ar": "الفرص الاستثمارية",
            "en": "Investment opportunities",
            "ur": "سرمایہ کاری کے مواقع",
            "id": "Peluang investasi",
            "hi": "निवेश के अवसर",
            "ms": "Peluang pelaburan",
            "fa": "فرصت‌های سرمایه‌گذاری",
            "bn": "বিনিয়োগের সুযোগ",
            "tr": "Yatırım fırsatları",
            "fr": "Opportunités d’investissement",
        },
    ),
    (
        "general",
        {
            "ar": "أسئلة عامة",
            "en": "General questions",
            "ur": "عام سوالات",
            "id": "Pertanyaan umum",
            "hi": "सामान्य प्रश्न",
            "ms": "Soalan umum",
            "fa": "پرسش‌های عمومی",
            "bn": "সাধারণ প্রশ্ন",
            "tr": "Genel sorular",
            "fr": "Questions générales",
        },
    ),
]

# (slug, topic, kind, {language: (title, body)})
ARTICLES: list[tuple[str, str, str, dict[str, tuple[str, str]]]] = [
    (
        "engineering-office-categories",
        "engineering-offices",
        "article",
        {
            "ar": (
                "فئات المكاتب الهندسية وصلاحياتها",
                "تُصنَّف المكاتب الهندسية في فئات بحسب خبرتها وعدد مهندسيها وتخصصاتهم. "
                "تحدد الفئة نوع المباني التي يحق للمكتب تصميمها أو الإشراف عليها، وحجمها وعدد أدوارها.\n\n"
                "قبل التعاقد:\n"
                "- تحقق من ترخيص المكتب وفئته في منصة بلدي.\n"
                "- تأكد أن فئة المكتب تسمح بمشروعك (مساحته وارتفاعه واستخدامه).\n"
                "- اطلب عقدًا مكتوبًا يحدد التصميم والإشراف ومراحل الزيارات.",
            ),
            "en": (
                "Engineering office categories and what each may do",
                "Engineering offices are classified into categories according to their experience and the number "
                "and specialities of their engineers. The category decides which buildings an office may design or "
                "supervise, and how large and how tall they may be.\n\n"
                "Before you sign:\n"
                "- Check the office's licence and category on the Balady platform.\n"
                "- Make sure the category covers your project (its area, height and use).\n"
                "- Ask for a written contract covering design, supervision and site visits.",
            ),
            "ur": (
                "انجینئرنگ دفاتر کے زمرے اور ان کے اختیارات",
                "انجینئرنگ دفاتر کو ان کے تجربے، انجینئروں کی تعداد اور ان کی مہارت کے مطابق زمروں میں تقسیم کیا جاتا ہے۔ "
                "زمرہ طے کرتا ہے کہ دفتر کس قسم کی عمارتوں کا ڈیزائن یا نگرانی کر سکتا ہے، اور وہ کتنی بڑی اور کتنی منزلہ ہو سکتی ہیں۔\n\n"
                "معاہدے سے پہلے:\n"
                "- بلدی پلیٹ فارم پر دفتر کا لائسنس اور زمرہ چیک کریں۔\n"
                "- یقینی بنائیں کہ زمرہ آپ کے منصوبے (رقبہ، اونچائی اور استعمال) کی اجازت دیتا ہے۔\n"
                "- ڈیزائن، نگرانی اور سائٹ کے دوروں پر مشتمل تحریری معاہدہ طلب کریں۔",
            ),
            "id": (
                "Kategori kantor teknik dan kewenangannya",
                "Kantor teknik dikelompokkan ke dalam beberapa kategori menurut pengalaman serta jumlah dan keahlian "
                "insinyurnya. Kategori menentukan bangunan apa yang boleh dirancang atau diawasi kantor tersebut, "
                "serta seberapa luas dan berapa lantai.\n\n"
                "Sebelum menandatangani kontrak:\n"
                "- Periksa izin dan kategori kantor di platform Balady.\n"
                "- Pastikan kategorinya mencakup proyek Anda (luas, tinggi, dan fungsinya).\n"
                "- Minta kontrak tertulis yang mencakup perancangan, pengawasan, dan kunjungan lapangan.",
            ),
            "hi": (
                "इंजीनियरिंग कार्यालयों की श्रेणियाँ और उनके अधिकार",
                "इंजीनियरिंग कार्यालयों को उनके अनुभव तथा इंजीनियरों की संख्या और विशेषज्ञता के आधार पर श्रेणियों में बाँटा जाता है। "
                "श्रेणी तय करती है कि कार्यालय किन इमारतों का डिज़ाइन या पर्यवेक्षण कर सकता है, और वे कितनी बड़ी और कितनी ऊँची हो सकती हैं।\n\n"
                "अनुबंध से पहले:\n"
                "- बलदी प्लेटफ़ॉर्म पर कार्यालय का लाइसेंस और श्रेणी जाँचें।\n"
                "- सुनिश्चित करें कि श्रेणी आपकी परियोजना (क्षेत्रफल, ऊँचाई और उपयोग) को कवर करती है।\n"
                "- डिज़ाइन, पर्यवेक्षण और साइट निरीक्षण वाला लिखित अनुबंध माँगें।",
            ),
            "ms": (
                "Kategori pejabat kejuruteraan dan bidang kuasanya",
                "Pejabat kejuruteraan dikelaskan mengikut kategori berdasarkan pengalaman serta bilangan dan "
                "kepakaran juruteranya. Kategori menentukan bangunan yang boleh direka bentuk atau diselia oleh "
                "pejabat itu, serta saiz dan bilangan tingkatnya.\n\n"
                "Sebelum menandatangani kontrak:\n"
                "- Semak lesen dan kategori pejabat di platform Balady.\n"
                "- Pastikan kategorinya meliputi projek anda (keluasan, ketinggian dan kegunaan).\n"
                "- Minta kontrak bertulis yang merangkumi reka bentuk, penyeliaan dan lawatan tapak.",
            ),
            "fa": (
                "رده‌های دفاتر مهندسی و اختیارات هر رده",
                "دفاتر مهندسی بر پایهٔ تجربه و شمار و تخصص مهندسانشان در رده‌هایی دسته‌بندی می‌شوند. "
                "رده تعیین می‌کند دفتر طراحی یا نظارت چه ساختمان‌هایی را، با چه اندازه و چند طبقه، می‌تواند بر عهده بگیرد.\n\n"
                "پیش از قرارداد:\n"
                "- مجوز و ردهٔ دفتر را در سامانهٔ بلدی بررسی کنید.\n"
                "- مطمئن شوید رده، پروژهٔ شما (مساحت، ارتفاع و کاربری) را پوشش می‌دهد.\n"
                "- قراردادی کتبی بخواهید که طراحی، نظارت و بازدیدهای کارگاهی را مشخص کند.",
            ),
            "bn": (
                "প্রকৌশল অফিসের শ্রেণি ও তাদের এখতিয়ার",
                "প্রকৌশল অফিসগুলোকে তাদের অভিজ্ঞতা এবং প্রকৌশলীদের সংখ্যা ও বিশেষজ্ঞতা অনুযায়ী বিভিন্ন শ্রেণিতে ভাগ করা হয়। "
                "শ্রেণিই ঠিক করে অফিসটি কোন ধরনের ভবনের নকশা বা তত্ত্বাবধান করতে পারবে, এবং সেগুলো কত বড় ও কত তলা হতে পারবে।\n\n"
                "চুক্তির আগে:\n"
                "- বালাদি প্ল্যাটফর্মে অফিসের লাইসেন্স ও শ্রেণি যাচাই করুন।\n"
                "- নিশ্চিত হোন যে শ্রেণিটি আপনার প্রকল্প (আয়তন, উচ্চতা ও ব্যবহার) অন্তর্ভুক্ত করে।\n"
                "- নকশা, তত্ত্বাবধান ও সাইট পরিদর্শনসহ লিখিত চুক্তি চান।",
            ),
            "tr": (
                "Mühendislik bürolarının sınıfları ve yetkileri",
                "Mühendislik büroları deneyimlerine, mühendislerinin sayısına ve uzmanlıklarına göre sınıflara "
                "ayrılır. Sınıf, büronun hangi yapıları tasarlayıp denetleyebileceğini, bu yapıların ne büyüklükte "
                "ve kaç katlı olabileceğini belirler.\n\n"
                "Sözleşmeden önce:\n"
                "- Büronun ruhsatını ve sınıfını Balady platformunda kontrol edin.\n"
                "- Sınıfın projenizi (alanı, yüksekliği ve kullanımı) kapsadığından emin olun.\n"
                "- Tasarımı, denetimi ve şantiye ziyaretlerini içeren yazılı bir sözleşme isteyin.",
            ),
            "fr": (
                "Catégories des bureaux d’études et ce que chacune permet",
                "Les bureaux d’études sont classés en catégories selon leur expérience ainsi que le nombre et les "
                "spécialités de leurs ingénieurs. La catégorie détermine les bâtiments qu’un bureau peut concevoir "
                "ou superviser, leur taille et leur nombre d’étages.\n\n"
                "Avant de signer :\n"
                "- Vérifiez la licence et la catégorie du bureau sur la plateforme Balady.\n"
                "- Assurez-vous que la catégorie couvre votre projet (surface, hauteur et usage).\n"
                "- Demandez un contrat écrit couvrant la conception, le suivi et les visites de chantier.",
            ),
        },
    ),
    (
        "do-i-need-a-supervising-office",
        "engineering-offices",
        "faq",
        {
            "ar": (
                "هل يلزمني مكتب هندسي للإشراف على بناء منزلي؟",
                "نعم. يشرف مكتب هندسي مرخَّص على التنفيذ وفق المخططات المعتمدة في رخصة البناء، "
                "ويرفع تقارير في المراحل الرئيسية: الأساسات، ثم الهيكل، ثم إتمام البناء. "
                "لا تبدأ أي مرحلة قبل زيارة المهندس المشرف.",
            ),
            "en": (
                "Do I need an engineering office to supervise building my house?",
                "Yes. A licensed engineering office supervises the work against the drawings approved with the "
                "building permit, and reports at the main stages: foundations, then the structure, then completion. "
                "Do not start a stage before the supervising engineer has visited.",
            ),
            "ur": (
                "کیا مجھے اپنے گھر کی تعمیر کی نگرانی کے لیے انجینئرنگ دفتر کی ضرورت ہے؟",
                "جی ہاں۔ ایک لائسنس یافتہ انجینئرنگ دفتر تعمیراتی اجازت نامے کے منظور شدہ نقشوں کے مطابق کام کی نگرانی کرتا ہے "
                "اور اہم مراحل پر رپورٹ دیتا ہے: بنیادیں، پھر ڈھانچہ، پھر تکمیل۔ "
                "نگران انجینئر کے دورے سے پہلے کوئی مرحلہ شروع نہ کریں۔",
            ),
            "id": (
                "Apakah saya perlu kantor teknik untuk mengawasi pembangunan rumah saya?",
                "Ya. Kantor teknik berizin mengawasi pekerjaan sesuai gambar yang disetujui dalam izin mendirikan "
                "bangunan, dan melapor pada tahap utama: fondasi, lalu struktur, lalu penyelesaian. "
                "Jangan memulai suatu tahap sebelum insinyur pengawas berkunjung.",
            ),
            "hi": (
                "क्या मुझे अपना घर बनवाने की निगरानी के लिए इंजीनियरिंग कार्यालय चाहिए?",
                "हाँ। एक लाइसेंसशुदा इंजीनियरिंग कार्यालय भवन परमिट के साथ स्वीकृत नक्शों के अनुसार काम की निगरानी करता है "
                "और मुख्य चरणों पर रिपोर्ट देता है: नींव, फिर ढाँचा, फिर निर्माण पूरा होना। "
                "पर्यवेक्षक इंजीनियर के निरीक्षण से पहले कोई चरण शुरू न करें।",
            ),
            "ms": (
                "Adakah saya perlukan pejabat kejuruteraan untuk menyelia pembinaan rumah saya?",
                "Ya. Pejabat kejuruteraan berlesen menyelia kerja mengikut pelan yang diluluskan bersama permit "
                "bangunan, dan melapor pada peringkat utama: asas, kemudian struktur, kemudian siap. "
                "Jangan mulakan sesuatu peringkat sebelum jurutera penyelia membuat lawatan.",
            ),
            "fa": (
                "آیا برای نظارت بر ساخت خانه‌ام به دفتر مهندسی نیاز دارم؟",
                "بله. یک دفتر مهندسی دارای مجوز بر اجرای کار مطابق نقشه‌های تأییدشده در پروانهٔ ساخت نظارت می‌کند "
                "و در مراحل اصلی گزارش می‌دهد: پی، سپس اسکلت، سپس پایان کار. "
                "پیش از بازدید مهندس ناظر هیچ مرحله‌ای را شروع نکنید.",
            ),
            "bn": (
                "আমার বাড়ি নির্মাণ তত্ত্বাবধানের জন্য কি প্রকৌশল অফিস লাগবে?",
                "হ্যাঁ। একটি লাইসেন্সপ্রাপ্ত প্রকৌশল অফিস নির্মাণ অনুমতির সঙ্গে অনুমোদিত নকশা অনুযায়ী কাজ তত্ত্বাবধান করে "
                "এবং প্রধান ধাপগুলোতে প্রতিবেদন দেয়: ভিত্তি, তারপর কাঠামো, তারপর নির্মাণ সমাপ্তি। "
                "তত্ত্বাবধায়ক প্রকৌশলী পরিদর্শনের আগে কোনো ধাপ শুরু করবেন না।",
            ),
            "tr": (
                "Evimin yapımını denetlemesi için bir mühendislik bürosuna ihtiyacım var mı?",
                "Evet. Ruhsatlı bir mühendislik bürosu işi yapı ruhsatıyla onaylanan çizimlere göre denetler ve ana "
                "aşamalarda rapor verir: temel, ardından taşıyıcı sistem, ardından tamamlama. "
                "Denetçi mühendis gelmeden hiçbir aşamaya başlamayın.",
            ),
            "fr": (
                "Ai-je besoin d’un bureau d’études pour suivre la construction de ma maison ?",
                "Oui. Un bureau d’études agréé suit les travaux selon les plans approuvés avec le permis de "
                "construire et fait un rapport aux étapes principales : fondations, puis structure, puis achèvement. "
                "Ne commencez aucune étape avant la visite de l’ingénieur chargé du suivi.",
            ),
        },
    ),
    (
        "residential-setbacks-and-heights",
        "residential-building",
        "article",
        {
            "ar": (
                "اشتراطات البناء السكني: الارتدادات وعدد الأدوار",
                "تختلف الارتدادات المسموح بها وعدد الأدوار بحسب المخطط المعتمد وعرض الشارع واستخدام الأرض، "
                "وتجدها مكتوبة في رخصة البناء.\n\n"
                "## قبل البناء\n"
                "- التزم بحدود الرخصة؛ أي زيادة في المساحة أو الأدوار مخالفة.\n"
                "- ملاحق السطح والأسوار تحتاج موافقة.\n"
                "- اترك الرصيف أمام المبنى خاليًا ولا تضع مواد البناء في الشارع.",
            ),
            "en": (
                "Residential building rules: setbacks and number of floors",
                "The setbacks allowed and the number of floors depend on the approved plan, the width of the street "
                "and the land use; they are written in your building permit.\n\n"
                "## Before you build\n"
                "- Keep within the permit: any extra area or floor is a violation.\n"
                "- Roof annexes and boundary walls need approval.\n"
                "- Keep the pavement in front of the building clear and do not leave building materials in the street.",
            ),
            "ur": (
                "رہائشی تعمیر کے قواعد: فاصلے اور منزلوں کی تعداد",
                "اجازت شدہ فاصلے اور منزلوں کی تعداد منظور شدہ نقشے، گلی کی چوڑائی اور زمین کے استعمال پر منحصر ہے؛ "
                "یہ آپ کے تعمیراتی اجازت نامے میں لکھے ہوتے ہیں۔\n\n"
                "## تعمیر سے پہلے\n"
                "- اجازت نامے کی حدود میں رہیں؛ کوئی بھی اضافی رقبہ یا منزل خلاف ورزی ہے۔\n"
                "- چھت پر اضافی کمرے اور چار دیواری کے لیے منظوری درکار ہے۔\n"
                "- عمارت کے سامنے فٹ پاتھ خالی رکھیں اور تعمیراتی سامان گلی میں نہ چھوڑیں۔",
            ),
            "id": (
                "Aturan bangunan hunian: garis sempadan dan jumlah lantai",
                "Garis sempadan yang diizinkan dan jumlah lantai bergantung pada rencana tapak yang disetujui, lebar "
                "jalan, dan peruntukan lahan; semuanya tertulis dalam izin mendirikan bangunan Anda.\n\n"
                "## Sebelum membangun\n"
                "- Tetap dalam batas izin: tambahan luas atau lantai adalah pelanggaran.\n"
                "- Bangunan tambahan di atap dan pagar keliling memerlukan persetujuan.\n"
                "- Biarkan trotoar di depan bangunan kosong dan jangan menaruh bahan bangunan di jalan.",
            ),
            "hi": (
                "आवासीय निर्माण के नियम: सेटबैक और मंज़िलों की संख्या",
                "अनुमत सेटबैक और मंज़िलों की संख्या स्वीकृत नक्शे, सड़क की चौड़ाई और भूमि उपयोग पर निर्भर करती है; "
                "ये आपके भवन परमिट में लिखे होते हैं।\n\n"
                "## निर्माण से पहले\n"
                "- परमिट की सीमा में रहें: कोई भी अतिरिक्त क्षेत्रफल या मंज़िल उल्लंघन है।\n"
                "- छत पर अतिरिक्त निर्माण और चारदीवारी के लिए मंज़ूरी चाहिए।\n"
                "- इमारत के सामने का फ़ुटपाथ खाली रखें और निर्माण सामग्री सड़क पर न छोड़ें।",
            ),
            "ms": (
                "Peraturan bangunan kediaman: anjakan dan bilangan tingkat",
                "Anjakan yang dibenarkan dan bilangan tingkat bergantung pada pelan yang diluluskan, lebar jalan dan "
                "guna tanah; semuanya tertulis dalam permit bangunan anda.\n\n"
                "## Sebelum membina\n"
                "- Kekal dalam had permit: sebarang keluasan atau tingkat tambahan ialah kesalahan.\n"
                "- Binaan tambahan di bumbung dan tembok sempadan memerlukan kelulusan.\n"
                "- Pastikan laluan pejalan kaki di hadapan bangunan kosong dan jangan tinggalkan bahan binaan di jalan.",
            ),
            "fa": (
                "مقررات ساختمان مسکونی: عقب‌نشینی و تعداد طبقات",
                "عقب‌نشینی مجاز و تعداد طبقات به نقشهٔ تفکیکی تأییدشده، عرض خیابان و کاربری زمین بستگی دارد "
                "و در پروانهٔ ساخت شما نوشته شده است.\n\n"
                "## پیش از ساخت\n"
                "- در محدودهٔ پروانه بمانید؛ هر مساحت یا طبقهٔ اضافه تخلف است.\n"
                "- ساخت روی بام و دیوار محوطه به موافقت نیاز دارد.\n"
                "- پیاده‌رو جلوی ساختمان را خالی نگه دارید و مصالح ساختمانی را در خیابان رها نکنید.",
            ),
            "bn": (
                "আবাসিক ভবনের নিয়ম: সেটব্যাক ও তলার সংখ্যা",
                "অনুমোদিত সেটব্যাক ও তলার সংখ্যা নির্ভর করে অনুমোদিত নকশা, রাস্তার প্রস্থ ও জমির ব্যবহারের ওপর; "
                "এগুলো আপনার নির্মাণ অনুমতিপত্রে লেখা থাকে।\n\n"
                "## নির্মাণের আগে\n"
                "- অনুমতির সীমার মধ্যে থাকুন: বাড়তি আয়তন বা তলা নিয়মভঙ্গ।\n"
                "- ছাদের ওপর বাড়তি নির্মাণ ও সীমানা প্রাচীরের জন্য অনুমোদন লাগে।\n"
                "- ভবনের সামনের ফুটপাত খালি রাখুন এবং নির্মাণসামগ্রী রাস্তায় ফেলে রাখবেন না।",
            ),
            "tr": (
                "Konut yapım kuralları: çekme mesafeleri ve kat sayısı",
                "İzin verilen çekme mesafeleri ve kat sayısı onaylı plana, sokağın genişliğine ve arazinin "
                "kullanımına bağlıdır; bunlar yapı ruhsatınızda yazılıdır.\n\n"
                "## Yapıdan önce\n"
                "- Ruhsatın sınırları içinde kalın: fazladan her alan veya kat bir ihlaldir.\n"
                "- Çatı ekleri ve bahçe duvarları onay gerektirir.\n"
                "- Binanın önündeki kaldırımı boş tutun, inşaat malzemesini sokakta bırakmayın.",
            ),
            "fr": (
                "Règles de construction résidentielle : reculs et nombre d’étages",
                "Les reculs autorisés et le nombre d’étages dépendent du plan approuvé, de la largeur de la rue et "
                "de l’usage du terrain ; ils figurent sur votre permis de construire.\n\n"
                "## Avant de construire\n"
                "- Restez dans les limites du permis : toute surface ou tout étage en plus est une infraction.\n"
                "- Les annexes sur le toit et les murs de clôture demandent une autorisation.\n"
                "- Laissez le trottoir devant le bâtiment dégagé et ne déposez pas de matériaux dans la rue.",
            ),
        },
    ),
    (
        "how-to-get-a-building-permit",
        "residential-building",
        "faq",
        {
            "ar": (
                "كيف أحصل على رخصة بناء؟",
                "قدّم الطلب إلكترونيًا عبر منصة بلدي، وأرفق:\n"
                "1. صك الملكية.\n"
                "2. تقرير مساحي للأرض.\n"
                "3. المخططات الهندسية من مكتب مرخَّص.\n\n"
                "يصلك رقم الطلب، وتتابع حالته به. وإن احتجت مساعدة فزر مركز خدمة العملاء في بلديتك الفرعية.",
            ),
            "en": (
                "How do I get a building permit?",
                "Apply online on the Balady platform and attach:\n"
                "1. The title deed.\n"
                "2. A survey report of the plot.\n"
                "3. The engineering drawings from a licensed office.\n\n"
                "You receive a request number to follow its status. If you need help, visit the customer-service "
                "centre of your sub-municipality.",
            ),
            "ur": (
                "تعمیراتی اجازت نامہ کیسے حاصل کروں؟",
                "بلدی پلیٹ فارم پر آن لائن درخواست دیں اور یہ منسلک کریں:\n"
                "1. ملکیت کا صک (ٹائٹل ڈیڈ)۔\n"
                "2. زمین کی پیمائشی رپورٹ۔\n"
                "3. لائسنس یافتہ دفتر کے انجینئرنگ نقشے۔\n\n"
                "آپ کو درخواست نمبر ملے گا جس سے آپ اس کی حالت دیکھ سکتے ہیں۔ مدد چاہیے تو اپنی ذیلی بلدیہ کے کسٹمر سروس مرکز جائیں۔",
            ),
            "id": (
                "Bagaimana cara mendapatkan izin mendirikan bangunan?",
                "Ajukan secara daring di platform Balady dan lampirkan:\n"
                "1. Akta kepemilikan.\n"
                "2. Laporan survei tanah.\n"
                "3. Gambar teknik dari kantor berizin.\n\n"
                "Anda akan menerima nomor permohonan untuk memantau statusnya. Jika perlu bantuan, datangi pusat "
                "layanan pelanggan di kantor cabang kota Anda.",
            ),
            "hi": (
                "भवन परमिट कैसे मिलता है?",
                "बलदी प्लेटफ़ॉर्म पर ऑनलाइन आवेदन करें और संलग्न करें:\n"
                "1. स्वामित्व विलेख।\n"
                "2. ज़मीन की सर्वेक्षण रिपोर्ट।\n"
                "3. लाइसेंसशुदा कार्यालय के इंजीनियरिंग नक्शे।\n\n"
                "आपको एक अनुरोध संख्या मिलेगी जिससे आप स्थिति देख सकते हैं। मदद चाहिए तो अपनी उप-नगरपालिका के ग्राहक सेवा केंद्र जाएँ।",
            ),
            "ms": (
                "Bagaimana untuk mendapatkan permit bangunan?",
                "Mohon dalam talian melalui platform Balady dan lampirkan:\n"
                "1. Surat hak milik.\n"
                "2. Laporan ukur tanah.\n"
                "3. Pelan kejuruteraan daripada pejabat berlesen.\n\n"
                "Anda akan menerima nombor permohonan untuk menyemak statusnya. Jika perlukan bantuan, kunjungi "
                "pusat khidmat pelanggan di pejabat cawangan anda.",
            ),
            "fa": (
                "چگونه پروانهٔ ساخت بگیرم؟",
                "درخواست را به‌صورت برخط در سامانهٔ بلدی ثبت کنید و این‌ها را پیوست کنید:\n"
                "1. سند مالکیت.\n"
                "2. گزارش نقشه‌برداری زمین.\n"
                "3. نقشه‌های مهندسی از یک دفتر دارای مجوز.\n\n"
                "شمارهٔ درخواستی دریافت می‌کنید که با آن وضعیت را پیگیری می‌کنید. اگر به کمک نیاز دارید، به مرکز خدمات مشتریان شهرداری منطقهٔ خود بروید.",
            ),
            "bn": (
                "কীভাবে নির্মাণ অনুমতিপত্র পাব?",
                "বালাদি প্ল্যাটফর্মে অনলাইনে আবেদন করুন এবং সংযুক্ত করুন:\n"
                "1. মালিকানার দলিল।\n"
                "2. জমির জরিপ প্রতিবেদন।\n"
                "3. লাইসেন্সপ্রাপ্ত অফিসের প্রকৌশল নকশা।\n\n"
                "আপনি একটি আবেদন নম্বর পাবেন, তা দিয়ে অবস্থা জানতে পারবেন। সাহায্য লাগলে আপনার উপ-পৌরসভার গ্রাহকসেবা কেন্দ্রে যান।",
            ),
            "tr": (
                "Yapı ruhsatını nasıl alırım?",
                "Balady platformunda çevrimiçi başvurun ve şunları ekleyin:\n"
                "1. Tapu senedi.\n"
                "2. Arsanın ölçüm raporu.\n"
                "3. Ruhsatlı bir bürodan mühendislik çizimleri.\n\n"
                "Durumunu takip etmek için bir başvuru numarası alırsınız. Yardıma ihtiyacınız olursa alt "
                "belediyenizin müşteri hizmetleri merkezine gidin.",
            ),
            "fr": (
                "Comment obtenir un permis de construire ?",
                "Faites la demande en ligne sur la plateforme Balady et joignez :\n"
                "1. Le titre de propriété.\n"
                "2. Un rapport de bornage du terrain.\n"
                "3. Les plans d’un bureau d’études agréé.\n\n"
                "Vous recevez un numéro de demande pour en suivre l’état. Si vous avez besoin d’aide, rendez-vous au "
                "centre de service de votre mairie annexe.",
            ),
        },
    ),
    (
        "food-shop-requirements",
        "shops",
        "article",
        {
            "ar": (
                "الاشتراطات الفنية لمحلات الأغذية",
                "يحتاج كل محل يبيع الأغذية أو يحضّرها إلى ما يلي قبل فتحه وطوال عمله:\n\n"
                "- شهادات صحية سارية لجميع العاملين.\n"
                "- أرضيات وجدران ملساء قابلة للغسل، وتهوية وإضاءة جيدتان.\n"
                "- ثلاجات بدرجات حرارة مناسبة، وفصل الأغذية النيئة عن المطبوخة.\n"
                "- عقد مع شركة مرخّصة لمكافحة الحشرات والقوارض.\n\n"
                "تزور فرق الرقابة البلدية المحلات دون موعد مسبق.",
            ),
            "en": (
                "Technical requirements for food shops",
                "Every shop that sells or prepares food needs the following before it opens and for as long as it "
                "works:\n\n"
                "- Valid health certificates for all workers.\n"
                "- Smooth, washable floors and walls, and good ventilation and lighting.\n"
                "- Refrigerators at the right temperatures, and raw food kept apart from cooked food.\n"
                "- A contract with a licensed pest-control company.\n\n"
                "Municipal inspection teams visit shops without notice.",
            ),
            "ur": (
                "خوراک کی دکانوں کی تکنیکی شرائط",
                "خوراک بیچنے یا تیار کرنے والی ہر دکان کو کھلنے سے پہلے اور کام کے دوران ہمیشہ یہ چیزیں درکار ہیں:\n\n"
                "- تمام کارکنوں کے درست ہیلتھ سرٹیفکیٹ۔\n"
                "- ہموار اور دھونے کے قابل فرش اور دیواریں، اور اچھی ہوا اور روشنی۔\n"
                "- مناسب درجۂ حرارت پر فریج، اور کچی خوراک کو پکی ہوئی خوراک سے الگ رکھنا۔\n"
                "- کیڑوں اور چوہوں کے خاتمے کے لیے لائسنس یافتہ کمپنی سے معاہدہ۔\n\n"
                "بلدیہ کی معائنہ ٹیمیں دکانوں پر بغیر اطلاع آتی ہیں۔",
            ),
            "id": (
                "Persyaratan teknis toko makanan",
                "Setiap toko yang menjual atau mengolah makanan memerlukan hal berikut sebelum buka dan selama "
                "beroperasi:\n\n"
                "- Sertifikat kesehatan yang berlaku untuk semua pekerja.\n"
                "- Lantai dan dinding yang halus dan mudah dicuci, serta ventilasi dan pencahayaan yang baik.\n"
                "- Lemari pendingin pada suhu yang tepat, dan makanan mentah dipisahkan dari makanan matang.\n"
                "- Kontrak dengan perusahaan pengendalian hama berizin.\n\n"
                "Tim pengawas kota mengunjungi toko tanpa pemberitahuan.",
            ),
            "hi": (
                "खाद्य दुकानों की तकनीकी शर्तें",
                "खाना बेचने या बनाने वाली हर दुकान को खुलने से पहले और काम करते रहने तक इनकी ज़रूरत है:\n\n"
                "- सभी कर्मचारियों के वैध स्वास्थ्य प्रमाणपत्र।\n"
                "- चिकने, धोने योग्य फ़र्श और दीवारें, तथा अच्छा हवादार और रोशनी।\n"
                "- सही तापमान पर फ़्रिज, और कच्चा खाना पके खाने से अलग।\n"
                "- कीट और चूहा नियंत्रण के लिए लाइसेंसशुदा कंपनी से अनुबंध।\n\n"
                "नगरपालिका की निरीक्षण टीमें बिना सूचना के दुकानों पर आती हैं।",
            ),
            "ms": (
                "Syarat teknikal kedai makanan",
                "Setiap kedai yang menjual atau menyediakan makanan memerlukan perkara berikut sebelum dibuka dan "
                "sepanjang operasinya:\n\n"
                "- Sijil kesihatan yang sah untuk semua pekerja.\n"
                "- Lantai dan dinding licin yang boleh dibasuh, serta pengudaraan dan pencahayaan yang baik.\n"
                "- Peti sejuk pada suhu yang betul, dan makanan mentah diasingkan daripada makanan yang dimasak.\n"
                "- Kontrak dengan syarikat kawalan perosak berlesen.\n\n"
                "Pasukan pemeriksa perbandaran melawat kedai tanpa notis.",
            ),
            "fa": (
                "الزامات فنی مغازه‌های مواد غذایی",
                "هر مغازه‌ای که غذا می‌فروشد یا آماده می‌کند، پیش از گشایش و در تمام مدت فعالیت به این‌ها نیاز دارد:\n\n"
                "- کارت بهداشت معتبر برای همهٔ کارکنان.\n"
                "- کف و دیوارهای صاف و شست‌وشوپذیر، و تهویه و روشنایی مناسب.\n"
                "- یخچال‌هایی با دمای درست، و جدا نگه داشتن غذای خام از پخته.\n"
                "- قرارداد با یک شرکت دارای مجوز برای مبارزه با حشرات و جوندگان.\n\n"
                "گروه‌های بازرسی شهرداری بدون اطلاع قبلی از مغازه‌ها بازدید می‌کنند.",
            ),
            "bn": (
                "খাদ্য দোকানের কারিগরি শর্ত",
                "খাবার বিক্রি বা প্রস্তুত করা প্রতিটি দোকানের খোলার আগে এবং যতদিন চালু থাকে ততদিন যা লাগবে:\n\n"
                "- সব কর্মীর বৈধ স্বাস্থ্য সনদ।\n"
                "- মসৃণ ও ধোয়া যায় এমন মেঝে ও দেয়াল, এবং ভালো বায়ু চলাচল ও আলো।\n"
                "- সঠিক তাপমাত্রায় ফ্রিজ, এবং কাঁচা খাবার রান্না করা খাবার থেকে আলাদা রাখা।\n"
                "- লাইসেন্সপ্রাপ্ত কীটপতঙ্গ নিয়ন্ত্রণ কোম্পানির সঙ্গে চুক্তি।\n\n"
                "পৌরসভার পরিদর্শক দল আগাম খবর না দিয়েই দোকানে আসে।",
            ),
            "tr": (
                "Gıda dükkânlarının teknik şartları",
                "Gıda satan veya hazırlayan her dükkân, açılmadan önce ve çalıştığı sürece şunlara ihtiyaç duyar:\n\n"
                "- Tüm çalışanlar için geçerli sağlık belgeleri.\n"
                "- Düz, yıkanabilir zemin ve duvarlar; iyi havalandırma ve aydınlatma.\n"
                "- Doğru sıcaklıkta buzdolapları; çiğ gıdaların pişmiş gıdalardan ayrı tutulması.\n"
                "- Ruhsatlı bir haşere mücadele firmasıyla sözleşme.\n\n"
                "Belediye denetim ekipleri dükkânları habersiz ziyaret eder.",
            ),
            "fr": (
                "Exigences techniques pour les commerces alimentaires",
                "Tout commerce qui vend ou prépare des aliments doit disposer de ce qui suit avant d’ouvrir et "
                "tant qu’il fonctionne :\n\n"
                "- Des certificats de santé valides pour tout le personnel.\n"
                "- Des sols et murs lisses et lavables, une bonne ventilation et un bon éclairage.\n"
                "- Des réfrigérateurs à la bonne température, les aliments crus séparés des aliments cuits.\n"
                "- Un contrat avec une entreprise agréée de lutte contre les nuisibles.\n\n"
                "Les équipes d’inspection municipale visitent les commerces sans prévenir.",
            ),
        },
    ),
    (
        "opening-a-commercial-shop",
        "shops",
        "faq",
        {
            "ar": (
                "ما المطلوب لفتح محل تجاري؟",
                "سجل تجاري ساري، وعقد إيجار موثَّق، ثم رخصة بلدية للنشاط تصدر عبر منصة بلدي. "
                "يجب أن تستوفي اللوحة الخارجية الاشتراطات، وأن يحقق المحل متطلبات السلامة من الدفاع المدني. "
                "يمكن طباعة الرخصة أيضًا من كاونتر الأمانة في المراكز التجارية.",
            ),
            "en": (
                "What do I need to open a commercial shop?",
                "A valid commercial registration, a documented lease, then a municipal licence for the activity, "
                "issued on the Balady platform. The sign outside must meet the rules, and the shop must meet the "
                "Civil Defence safety requirements. The licence can also be printed at the municipality's counter "
                "in the shopping malls.",
            ),
            "ur": (
                "تجارتی دکان کھولنے کے لیے کیا درکار ہے؟",
                "درست تجارتی رجسٹریشن، تصدیق شدہ کرایہ نامہ، پھر سرگرمی کے لیے بلدیہ کا لائسنس جو بلدی پلیٹ فارم سے جاری ہوتا ہے۔ "
                "باہر کا بورڈ ضوابط کے مطابق ہونا چاہیے اور دکان کو شہری دفاع کی حفاظتی شرائط پوری کرنی ہوں گی۔ "
                "لائسنس شاپنگ مالز میں بلدیہ کے کاؤنٹر سے بھی پرنٹ کیا جا سکتا ہے۔",
            ),
            "id": (
                "Apa yang saya perlukan untuk membuka toko?",
                "Registrasi komersial yang berlaku, kontrak sewa yang terdaftar, lalu izin usaha dari pemerintah "
                "kota yang diterbitkan melalui platform Balady. Papan nama di luar harus memenuhi aturan, dan toko "
                "harus memenuhi persyaratan keselamatan Pertahanan Sipil. Izin juga dapat dicetak di loket "
                "pemerintah kota di pusat perbelanjaan.",
            ),
            "hi": (
                "व्यावसायिक दुकान खोलने के लिए क्या चाहिए?",
                "वैध वाणिज्यिक पंजीकरण, प्रमाणित किराया अनुबंध, फिर गतिविधि के लिए नगरपालिका लाइसेंस जो बलदी प्लेटफ़ॉर्म से जारी होता है। "
                "बाहर का बोर्ड नियमों के अनुसार होना चाहिए और दुकान को नागरिक सुरक्षा (सिविल डिफ़ेंस) की शर्तें पूरी करनी होंगी। "
                "लाइसेंस शॉपिंग मॉल में नगरपालिका के काउंटर से भी प्रिंट किया जा सकता है।",
            ),
            "ms": (
                "Apakah yang saya perlukan untuk membuka kedai?",
                "Pendaftaran perniagaan yang sah, perjanjian sewa yang didaftarkan, kemudian lesen perbandaran "
                "untuk aktiviti itu yang dikeluarkan melalui platform Balady. Papan tanda di luar mesti mematuhi "
                "peraturan, dan kedai mesti memenuhi syarat keselamatan Pertahanan Awam. Lesen juga boleh dicetak "
                "di kaunter majlis perbandaran di pusat beli-belah.",
            ),
            "fa": (
                "برای باز کردن مغازهٔ تجاری به چه چیزهایی نیاز دارم؟",
                "ثبت تجاری معتبر، قرارداد اجارهٔ ثبت‌شده و سپس پروانهٔ شهرداری برای فعالیت که از سامانهٔ بلدی صادر می‌شود. "
                "تابلوی بیرونی باید با مقررات سازگار باشد و مغازه باید الزامات ایمنی دفاع مدنی را برآورده کند. "
                "پروانه را می‌توان در باجهٔ شهرداری در مراکز خرید نیز چاپ کرد.",
            ),
            "bn": (
                "বাণিজ্যিক দোকান খুলতে কী লাগে?",
                "বৈধ বাণিজ্যিক নিবন্ধন, নিবন্ধিত ভাড়া চুক্তি, তারপর কার্যক্রমের জন্য বালাদি প্ল্যাটফর্ম থেকে পৌরসভার লাইসেন্স। "
                "বাইরের সাইনবোর্ড নিয়ম মেনে হতে হবে এবং দোকানকে সিভিল ডিফেন্সের নিরাপত্তা শর্ত পূরণ করতে হবে। "
                "শপিং মলে পৌরসভার কাউন্টার থেকেও লাইসেন্স প্রিন্ট করা যায়।",
            ),
            "tr": (
                "Ticari bir dükkân açmak için neye ihtiyacım var?",
                "Geçerli bir ticaret sicili, tescilli bir kira sözleşmesi ve ardından Balady platformundan verilen "
                "faaliyet için belediye ruhsatı. Dış tabela kurallara uygun olmalı, dükkân da Sivil Savunma güvenlik "
                "şartlarını karşılamalıdır. Ruhsat, alışveriş merkezlerindeki belediye masasında da yazdırılabilir.",
            ),
            "fr": (
                "Que faut-il pour ouvrir un commerce ?",
                "Un registre du commerce valide, un bail enregistré, puis une licence municipale pour l’activité, "
                "délivrée sur la plateforme Balady. L’enseigne extérieure doit respecter les règles et le local les "
                "exigences de sécurité de la Défense civile. La licence peut aussi être imprimée au guichet de la "
                "municipalité dans les centres commerciaux.",
            ),
        },
    ),
    (
        "investment-opportunities",
        "investment",
        "article",
        {
            "ar": (
                "الفرص الاستثمارية في الأمانة وكيف تشارك فيها",
                "تطرح الأمانة مواقع للاستثمار، مثل المحلات والأكشاك والمواقف والحدائق، في منافسات عامة تُعلن على منصة فرص.\n\n"
                "## خطوات المشاركة\n"
                "1. سجّل في منصة فرص واطّلع على الفرص المعلنة.\n"
                "2. اشترِ كراسة الشروط واقرأ مدة العقد والاستخدام المسموح.\n"
                "3. قدّم عرضك مع الضمان البنكي قبل موعد فتح المظاريف.\n\n"
                "للاستفسار عن المشاريع المستقبلية اتصل على 940 واطلب «مستشارك الأمين».",
            ),
            "en": (
                "Investment opportunities with the municipality and how to take part",
                "The municipality offers sites for investment, such as shops, kiosks, car parks and parks, in public "
                "tenders announced on the Furas platform.\n\n"
                "## How to take part\n"
                "1. Register on the Furas platform and look through the opportunities announced.\n"
                "2. Buy the conditions booklet and read the contract term and the permitted use.\n"
                "3. Submit your offer with the bank guarantee before the envelopes are opened.\n\n"
                "To ask about future projects, call 940 and ask for Mustasharak Al-Amin.",
            ),
            "ur": (
                "بلدیہ کے ساتھ سرمایہ کاری کے مواقع اور ان میں حصہ لینے کا طریقہ",
                "بلدیہ سرمایہ کاری کے لیے دکانیں، کھوکھے، پارکنگ اور باغات جیسی جگہیں عوامی ٹینڈرز میں پیش کرتی ہے جن کا اعلان فرص پلیٹ فارم پر ہوتا ہے۔\n\n"
                "## حصہ لینے کا طریقہ\n"
                "1. فرص پلیٹ فارم پر رجسٹر ہوں اور اعلان کردہ مواقع دیکھیں۔\n"
                "2. شرائط کا کتابچہ خریدیں اور معاہدے کی مدت اور اجازت شدہ استعمال پڑھیں۔\n"
                "3. لفافے کھلنے کی تاریخ سے پہلے بینک گارنٹی کے ساتھ اپنی پیشکش جمع کرائیں۔\n\n"
                "آئندہ منصوبوں کے بارے میں پوچھنے کے لیے 940 پر کال کریں اور «مستشارک الامین» طلب کریں۔",
            ),
            "id": (
                "Peluang investasi di pemerintah kota dan cara ikut serta",
                "Pemerintah kota menawarkan lokasi untuk investasi, seperti toko, kios, tempat parkir, dan taman, "
                "melalui tender terbuka yang diumumkan di platform Furas.\n\n"
                "## Cara ikut serta\n"
                "1. Daftar di platform Furas dan lihat peluang yang diumumkan.\n"
                "2. Beli buku persyaratan dan baca masa kontrak serta peruntukan yang diizinkan.\n"
                "3. Ajukan penawaran beserta jaminan bank sebelum amplop dibuka.\n\n"
                "Untuk bertanya tentang proyek mendatang, hubungi 940 dan minta Mustasharak Al-Amin.",
            ),
            "hi": (
                "नगरपालिका के साथ निवेश के अवसर और उनमें भाग कैसे लें",
                "नगरपालिका दुकानें, कियोस्क, पार्किंग और पार्क जैसी जगहें निवेश के लिए सार्वजनिक निविदाओं में देती है, जिनकी घोषणा फ़ुरस प्लेटफ़ॉर्म पर होती है।\n\n"
                "## भाग लेने के चरण\n"
                "1. फ़ुरस प्लेटफ़ॉर्म पर पंजीकरण करें और घोषित अवसर देखें।\n"
                "2. शर्तों की पुस्तिका ख़रीदें और अनुबंध की अवधि तथा अनुमत उपयोग पढ़ें।\n"
                "3. लिफ़ाफ़े खुलने से पहले बैंक गारंटी के साथ अपना प्रस्ताव जमा करें।\n\n"
                "भविष्य की परियोजनाओं के बारे में पूछने के लिए 940 पर कॉल करें और «मुस्तशारक अल-अमीन» माँगें।",
            ),
            "ms": (
                "Peluang pelaburan dengan majlis perbandaran dan cara menyertainya",
                "Majlis perbandaran menawarkan tapak untuk pelaburan, seperti kedai, kiosk, tempat letak kereta dan "
                "taman, melalui tender terbuka yang diumumkan di platform Furas.\n\n"
                "## Cara menyertai\n"
                "1. Daftar di platform Furas dan lihat peluang yang diumumkan.\n"
                "2. Beli buku syarat dan baca tempoh kontrak serta kegunaan yang dibenarkan.\n"
                "3. Hantar tawaran anda bersama jaminan bank sebelum sampul dibuka.\n\n"
                "Untuk bertanya tentang projek akan datang, hubungi 940 dan minta Mustasharak Al-Amin.",
            ),
            "fa": (
                "فرصت‌های سرمایه‌گذاری با شهرداری و شیوهٔ شرکت در آن‌ها",
                "شهرداری مکان‌هایی مانند مغازه، کیوسک، پارکینگ و بوستان را در مناقصه‌های عمومی برای سرمایه‌گذاری عرضه می‌کند که در سامانهٔ فُرَص اعلام می‌شوند.\n\n"
                "## مراحل شرکت\n"
                "1. در سامانهٔ فرص ثبت‌نام کنید و فرصت‌های اعلام‌شده را ببینید.\n"
                "2. دفترچهٔ شرایط را بخرید و مدت قرارداد و کاربری مجاز را بخوانید.\n"
                "3. پیشنهاد خود را همراه با ضمانت‌نامهٔ بانکی پیش از گشایش پاکت‌ها تحویل دهید.\n\n"
                "برای پرسش دربارهٔ پروژه‌های آینده با ۹۴۰ تماس بگیرید و «مستشارک الامین» را بخواهید.",
            ),
            "bn": (
                "পৌরসভার সঙ্গে বিনিয়োগের সুযোগ ও অংশ নেওয়ার উপায়",
                "পৌরসভা দোকান, কিয়স্ক, পার্কিং ও পার্কের মতো জায়গা বিনিয়োগের জন্য প্রকাশ্য দরপত্রে দেয়, যা ফুরাস প্ল্যাটফর্মে ঘোষণা করা হয়।\n\n"
                "## অংশ নেওয়ার ধাপ\n"
                "1. ফুরাস প্ল্যাটফর্মে নিবন্ধন করুন এবং ঘোষিত সুযোগগুলো দেখুন।\n"
                "2. শর্তাবলির পুস্তিকা কিনুন এবং চুক্তির মেয়াদ ও অনুমোদিত ব্যবহার পড়ুন।\n"
                "3. খাম খোলার আগে ব্যাংক গ্যারান্টিসহ আপনার প্রস্তাব জমা দিন।\n\n"
                "ভবিষ্যৎ প্রকল্প সম্পর্কে জানতে 940-এ ফোন করে «মুস্তাশারাক আল-আমিন» চান।",
            ),
            "tr": (
                "Belediyeyle yatırım fırsatları ve nasıl katılınır",
                "Belediye dükkân, büfe, otopark ve park gibi yerleri, Furas platformunda duyurulan açık ihalelerle "
                "yatırıma sunar.\n\n"
                "## Katılım adımları\n"
                "1. Furas platformuna kaydolun ve duyurulan fırsatlara göz atın.\n"
                "2. Şartname kitapçığını satın alın; sözleşme süresini ve izin verilen kullanımı okuyun.\n"
                "3. Teklifinizi zarflar açılmadan önce banka teminatıyla birlikte verin.\n\n"
                "Gelecekteki projeleri sormak için 940’ı arayın ve Mustasharak Al-Amin’i isteyin.",
            ),
            "fr": (
                "Opportunités d’investissement avec la municipalité et comment y participer",
                "La municipalité propose des sites à l’investissement, comme des boutiques, des kiosques, des "
                "parkings et des jardins, par des appels d’offres publics annoncés sur la plateforme Furas.\n\n"
                "## Comment participer\n"
                "1. Inscrivez-vous sur la plateforme Furas et consultez les opportunités annoncées.\n"
                "2. Achetez le cahier des charges et lisez la durée du contrat et l’usage autorisé.\n"
                "3. Déposez votre offre avec la garantie bancaire avant l’ouverture des plis.\n\n"
                "Pour vous renseigner sur les projets à venir, appelez le 940 et demandez Mustasharak Al-Amin.",
            ),
        },
    ),
    (
        "which-sub-municipality",
        "general",
        "faq",
        {
            "ar": (
                "كيف أعرف البلدية الفرعية التي يتبع لها موقعي؟",
                "استخدم صفحة [المساعدة](/help) في هذا الموقع: اكتب اسم الحي أو معلمًا قريبًا، أو استخدم موقعك، "
                "فتظهر لك البلدية الفرعية ومركز خدمتها وساعات عمله اليوم. ويمكنك أيضًا الاتصال على 940 في أي وقت.",
            ),
            "en": (
                "How do I know which sub-municipality my place belongs to?",
                "Use the [Help](/help) page of this site: type the neighbourhood or a landmark nearby, or use your "
                "location, and it shows the sub-municipality, its service centre and today's opening hours. You can "
                "also call 940 at any hour.",
            ),
            "ur": (
                "مجھے کیسے معلوم ہو کہ میری جگہ کس ذیلی بلدیہ میں آتی ہے؟",
                "اس سائٹ کا [مدد](/help) صفحہ استعمال کریں: محلے کا نام یا قریبی نشانی لکھیں، یا اپنا مقام استعمال کریں، "
                "تو ذیلی بلدیہ، اس کا سروس مرکز اور آج کے اوقات نظر آ جائیں گے۔ آپ کسی بھی وقت 940 پر کال بھی کر سکتے ہیں۔",
            ),
            "id": (
                "Bagaimana saya tahu tempat saya termasuk kantor cabang kota yang mana?",
                "Gunakan halaman [Bantuan](/help) di situs ini: ketik nama lingkungan atau tempat terkenal di "
                "dekatnya, atau gunakan lokasi Anda, lalu akan tampil kantor cabangnya, pusat layanannya, dan jam "
                "bukanya hari ini. Anda juga dapat menelepon 940 kapan saja.",
            ),
            "hi": (
                "मुझे कैसे पता चले कि मेरी जगह किस उप-नगरपालिका में आती है?",
                "इस साइट का [सहायता](/help) पृष्ठ इस्तेमाल करें: मोहल्ले का नाम या पास का कोई प्रसिद्ध स्थान लिखें, या अपनी लोकेशन दें; "
                "उप-नगरपालिका, उसका सेवा केंद्र और आज का समय दिख जाएगा। आप किसी भी समय 940 पर कॉल भी कर सकते हैं।",
            ),
            "ms": (
                "Bagaimana saya tahu tempat saya di bawah pejabat cawangan yang mana?",
                "Gunakan halaman [Bantuan](/help) di laman ini: taip nama kejiranan atau mercu tanda berdekatan, atau "
                "gunakan lokasi anda, dan ia menunjukkan pejabat cawangan, pusat khidmatnya dan waktu bukanya hari "
                "ini. Anda juga boleh menghubungi 940 pada bila-bila masa.",
            ),
            "fa": (
                "چگونه بفهمم محل من زیر پوشش کدام شهرداری منطقه است؟",
                "از صفحهٔ [راهنما](/help) همین سایت استفاده کنید: نام محله یا نشانه‌ای نزدیک را بنویسید یا موقعیت خود را بفرستید؛ "
                "شهرداری منطقه، مرکز خدمات آن و ساعت کار امروزش نمایش داده می‌شود. همچنین می‌توانید در هر ساعتی با ۹۴۰ تماس بگیرید.",
            ),
            "bn": (
                "আমার জায়গা কোন উপ-পৌরসভার অধীনে, তা কীভাবে জানব?",
                "এই সাইটের [সহায়তা](/help) পৃষ্ঠা ব্যবহার করুন: মহল্লার নাম বা কাছের কোনো পরিচিত স্থান লিখুন, অথবা আপনার অবস্থান দিন; "
                "উপ-পৌরসভা, তার সেবা কেন্দ্র ও আজকের সময়সূচি দেখাবে। যেকোনো সময় 940-এ ফোনও করতে পারেন।",
            ),
            "tr": (
                "Yerimin hangi alt belediyeye bağlı olduğunu nasıl öğrenirim?",
                "Bu sitenin [Yardım](/help) sayfasını kullanın: mahallenin adını veya yakındaki bir yer işaretini "
                "yazın ya da konumunuzu kullanın; alt belediye, hizmet merkezi ve bugünkü çalışma saatleri gösterilir. "
                "Dilediğiniz saatte 940’ı da arayabilirsiniz.",
            ),
            "fr": (
                "Comment savoir de quelle mairie annexe dépend mon adresse ?",
                "Utilisez la page [Aide](/help) de ce site : tapez le nom du quartier ou d’un lieu connu à proximité, "
                "ou utilisez votre position ; elle indique la mairie annexe, son centre de service et ses horaires du "
                "jour. Vous pouvez aussi appeler le 940 à toute heure.",
            ),
        },
    ),
]

# (slug, picture, days ago, {language: (title, text, what the picture shows)})
POSTS: list[tuple[str, str, int, dict[str, tuple[str, str, str]]]] = [
    (
        "report-it-to-940",
        "phone",
        2,
        {
            "ar": (
                "رأيت مشكلة؟ بلّغ عنها",
                "حفرة في الطريق، إنارة مطفأة، نفايات متراكمة: اتصل على 940 أو بلّغ من هذا الموقع بلغتك، "
                "واحتفظ برقم البلاغ لتتابعه.",
                "هاتف عليه الرقم 940",
            ),
            "en": (
                "Seen a problem? Report it",
                "A pothole, a street light out, rubbish piling up: call 940 or report it on this site in your own "
                "language, and keep the reference number to follow it.",
                "A phone showing the number 940",
            ),
            "ur": (
                "کوئی مسئلہ دیکھا؟ رپورٹ کریں",
                "سڑک میں گڑھا، بجھی ہوئی اسٹریٹ لائٹ، جمع ہوتا کچرا: 940 پر کال کریں یا اس سائٹ پر اپنی زبان میں رپورٹ کریں، "
                "اور حوالہ نمبر سنبھال کر رکھیں تاکہ اس کی پیروی کر سکیں۔",
                "ایک فون جس پر نمبر 940 لکھا ہے",
            ),
            "id": (
                "Melihat masalah? Laporkan",
                "Jalan berlubang, lampu jalan padam, sampah menumpuk: hubungi 940 atau laporkan di situs ini dalam "
                "bahasa Anda, dan simpan nomor laporannya untuk memantaunya.",
                "Sebuah ponsel menampilkan nomor 940",
            ),
            "fa": (
                "مشکلی دیدید؟ گزارش دهید",
                "چاله در خیابان، چراغ خاموش، زباله‌های انباشته: با ۹۴۰ تماس بگیرید یا در همین سایت به زبان خودتان گزارش دهید "
                "و شمارهٔ پیگیری را نگه دارید.",
                "گوشی‌ای که شمارهٔ ۹۴۰ را نشان می‌دهد",
            ),
        },
    ),
    (
        "drink-water-in-the-heat",
        "sun",
        9,
        {
            "ar": (
                "في الحر: اشرب الماء واحتمِ من الشمس",
                "احمل الماء معك، واستخدم المظلة، وتجنّب المشي الطويل وقت الظهيرة. "
                "إن شعرت بدوار أو صداع شديد فاطلب المساعدة فورًا.",
                "شمس حارقة وقارورة ماء",
            ),
            "en": (
                "In the heat: drink water and keep out of the sun",
                "Carry water, use an umbrella and avoid long walks at midday. If you feel dizzy or have a strong "
                "headache, ask for help at once.",
                "A blazing sun and a bottle of water",
            ),
            "ur": (
                "گرمی میں: پانی پئیں اور دھوپ سے بچیں",
                "پانی ساتھ رکھیں، چھتری استعمال کریں اور دوپہر کے وقت لمبی پیدل مسافت سے بچیں۔ "
                "اگر چکر آئیں یا سر میں شدید درد ہو تو فوراً مدد طلب کریں۔",
                "تیز دھوپ اور پانی کی بوتل",
            ),
            "id": (
                "Saat panas: minum air dan hindari terik matahari",
                "Bawa air minum, gunakan payung, dan hindari berjalan jauh pada siang hari. Jika merasa pusing atau "
                "sakit kepala hebat, segera minta pertolongan.",
                "Matahari terik dan sebotol air",
            ),
            "fa": (
                "در گرما: آب بنوشید و از آفتاب دوری کنید",
                "آب همراه داشته باشید، از چتر استفاده کنید و هنگام ظهر پیاده‌روی طولانی نکنید. "
                "اگر سرگیجه یا سردرد شدید داشتید، بی‌درنگ کمک بخواهید.",
                "خورشید سوزان و یک بطری آب",
            ),
        },
    ),
    (
        "keep-makkah-clean",
        "bin",
        16,
        {
            "ar": (
                "مكة أنظف بك",
                "ضع النفايات في الحاويات وأغلق الكيس جيدًا، ولا تتركها بجانب الحاوية. "
                "الحاوية الممتلئة أو التالفة بلّغ عنها على 940.",
                "حاوية نفايات خضراء",
            ),
            "en": (
                "Makkah is cleaner with you",
                "Put rubbish in the bins, tie the bag well and do not leave it beside the bin. Report a full or "
                "broken bin to 940.",
                "A green rubbish bin",
            ),
            "ur": (
                "مکہ آپ کے ساتھ زیادہ صاف ہے",
                "کچرا کوڑے دان میں ڈالیں، تھیلا اچھی طرح باندھیں اور اسے کوڑے دان کے ساتھ نہ چھوڑیں۔ "
                "بھرا ہوا یا ٹوٹا ہوا کوڑے دان 940 پر رپورٹ کریں۔",
                "ایک سبز کوڑے دان",
            ),
            "id": (
                "Makkah lebih bersih bersama Anda",
                "Buang sampah ke tempatnya, ikat kantongnya dengan baik, dan jangan meninggalkannya di samping tong. "
                "Laporkan tong yang penuh atau rusak ke 940.",
                "Tong sampah berwarna hijau",
            ),
            "fa": (
                "مکه با شما پاکیزه‌تر است",
                "زباله را در سطل بریزید، کیسه را محکم ببندید و آن را کنار سطل رها نکنید. "
                "سطل پر یا شکسته را به ۹۴۰ گزارش دهید.",
                "یک سطل زبالهٔ سبز",
            ),
        },
    ),
    (
        "rain-and-valleys",
        "rain",
        30,
        {
            "ar": (
                "وقت المطر: ابتعد عن مجاري السيول",
                "لا تعبر الأودية ومجاري السيول أثناء المطر ولو بدت المياه ضحلة، ولا تقف تحت اللوحات وأعمدة الإنارة. "
                "بلّغ عن تجمعات المياه على 940.",
                "سحابة ممطرة فوق طريق",
            ),
            "en": (
                "When it rains: keep away from flood channels",
                "Do not cross valleys or flood channels while it rains, even when the water looks shallow, and do "
                "not stand under signs or lamp posts. Report standing water to 940.",
                "A rain cloud over a road",
            ),
            "ur": (
                "بارش کے وقت: سیلابی نالوں سے دور رہیں",
                "بارش کے دوران وادیاں اور سیلابی نالے پار نہ کریں چاہے پانی کم گہرا لگے، اور بورڈز اور بجلی کے کھمبوں کے نیچے نہ کھڑے ہوں۔ "
                "جمع شدہ پانی کی اطلاع 940 پر دیں۔",
                "سڑک کے اوپر بارش والا بادل",
            ),
            "id": (
                "Saat hujan: jauhi saluran banjir",
                "Jangan menyeberangi lembah atau saluran banjir saat hujan, meski airnya tampak dangkal, dan jangan "
                "berdiri di bawah papan reklame atau tiang lampu. Laporkan genangan air ke 940.",
                "Awan hujan di atas jalan",
            ),
            "fa": (
                "هنگام باران: از مسیل‌ها دور بمانید",
                "هنگام باران از دره‌ها و مسیل‌ها عبور نکنید، حتی اگر آب کم‌عمق به نظر برسد، و زیر تابلوها و تیرهای چراغ نایستید. "
                "آب‌گرفتگی را به ۹۴۰ گزارش دهید.",
                "ابری بارانی بالای یک جاده",
            ),
        },
    ),
]
