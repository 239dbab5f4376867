"""Demo data for the Holy Makkah Municipality and two community associations.

Geography is approximate: sub-municipality centres are public, their boundaries here are the Voronoi cells
of those centres inside a box around the city (official boundaries load with `khidma import-areas`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

# Data files beside this module: the names in the eight public languages beyond Arabic and English
# (names.json), and the gazetteer of Makkah's places (places_makkah.geojson).
DATA_DIR = Path(__file__).with_name("data")
PLACES_FILE = DATA_DIR / "places_makkah.geojson"


@cache
def _translations() -> dict:
    return json.loads((DATA_DIR / "names.json").read_text(encoding="utf-8"))


def names(section: str, *keys: str, ar: str, en: str) -> dict[str, str]:
    """An object's names in every language: Arabic and English from the tables below, others from names.json.

    ``keys`` lead to the entry within the section, e.g. ``("makkah", "roads_dept")`` for a department. An
    entry may also carry an Arabic or English name; it then replaces the one given here.
    """
    entry = _translations()[section]
    for key in keys:
        entry = entry.get(key, {})
    return {"ar": ar, "en": en, **entry}


# Demo accounts only: `seed-demo` refuses to run on a database that already has data.
DEMO_PASSWORD = "khidma-demo"  # noqa: S105

MAKKAH = {
    "slug": "makkah",
    "names": {"ar": "أمانة العاصمة المقدسة", "en": "Holy Makkah Municipality"},
    "time_zone": "Asia/Riyadh",
    "default_language": "ar",
}
# About S 21.17, N 21.61, E 40.01; stretched west to 39.40 so that Bahra (39.45 E) lies inside.
MAKKAH_BOUNDS = (39.40, 21.17, 40.01, 21.61)

# (code, level, parent, ar, en)
MAKKAH_DEPARTMENTS = [
    (
        "customer_service",
        "directorate",
        None,
        "الإدارة العامة لخدمة العملاء",
        "General Directorate for Customer Service",
    ),
    ("reports_940", "department", "customer_service", "إدارة بلاغات 940", "940 Reports Department"),
    ("reports_receiving", "unit", "reports_940", "وحدة استقبال البلاغات", "Reports Receiving Unit"),
    ("followup_unit", "unit", "reports_940", "وحدة المتابعة", "Follow-up Unit"),
    (
        "womens_section",
        "department",
        "customer_service",
        "القسم النسائي لخدمة العملاء",
        "Women's Customer Service Section",
    ),
    ("external_services", "department", "customer_service", "إدارة الخدمات الخارجية", "External Services"),
    (
        "technical_relations",
        "department",
        "customer_service",
        "علاقات العملاء الفنية",
        "Technical Customer Relations",
    ),
    ("services_agency", "directorate", None, "وكالة الخدمات", "Services Agency"),
    ("environmental_health", "department", "services_agency", "إدارة صحة البيئة", "Environmental Health"),
    ("pest_control", "unit", "environmental_health", "وحدة مكافحة الحشرات والقوارض", "Pest Control Unit"),
    (
        "food_inspection",
        "unit",
        "environmental_health",
        "وحدة الرقابة على المنشآت الغذائية",
        "Food Establishment Inspection",
    ),
    ("cleanliness_dept", "department", "services_agency", "إدارة النظافة", "Cleanliness Department"),
    ("lighting_dept", "department", "services_agency", "إدارة الإنارة", "Lighting Department"),
    ("roads_dept", "department", "services_agency", "إدارة الطرق", "Roads Department"),
    ("building_control", "department", "services_agency", "إدارة رقابة البناء", "Building Control"),
    ("stormwater_dept", "department", "services_agency", "إدارة درء أخطار السيول", "Stormwater Department"),
    ("parks_dept", "department", "services_agency", "إدارة الحدائق", "Parks Department"),
    ("urban_landscape", "department", "services_agency", "إدارة المشهد الحضري", "Urban Landscape"),
    ("municipal_control", "department", "services_agency", "إدارة الرقابة البلدية", "Municipal Control"),
    ("burial_dept", "department", "services_agency", "إدارة إكرام الموتى", "Burial Services"),
    ("partner_liaison", "unit", "reports_940", "وحدة التنسيق مع الجهات الشريكة", "Partner Liaison Unit"),
]

# (code, default department, ar, en)
MAKKAH_CATEGORIES = [
    ("animals_insects", "pest_control", "مكافحة الحيوانات والحشرات", "Animal and insect control"),
    ("cleanliness", "cleanliness_dept", "النظافة", "Cleanliness"),
    ("lighting_signs", "lighting_dept", "الإنارة واللوحات الإرشادية", "Lighting and signs"),
    ("markets_shops", "food_inspection", "الأسواق والمتاجر", "Markets and shops"),
    ("roads_sidewalks", "roads_dept", "الطرق والأرصفة", "Roads and sidewalks"),
    ("buildings_encroachments", "building_control", "المباني والتعديات", "Buildings and encroachments"),
    ("floods", "stormwater_dept", "السيول وتصريف الأمطار", "Floods and stormwater"),
    ("parks_facilities", "parks_dept", "الحدائق والمرافق العامة", "Parks and public facilities"),
    ("visual_distortion", "urban_landscape", "التشوه البصري", "Visual distortion"),
    (
        "abandoned_vehicles",
        "municipal_control",
        "السيارات التالفة والمهملة",
        "Abandoned and damaged vehicles",
    ),
    ("burial", "burial_dept", "إكرام الموتى", "Burial services"),
    ("partner_entities", "partner_liaison", "جهات شريكة", "Partner entities (water, electricity)"),
    ("other", "reports_receiving", "أخرى", "Other"),
]

# (code, ar, en, centre lat, centre lon)
MAKKAH_AREAS = [
    ("al_maabdah", "المعابدة", "Al-Maabdah", 21.4353, 39.8485),
    ("al_shawqiyah", "الشوقية", "Al-Shawqiyah", 21.3853, 39.7975),
    ("al_ghazzah", "الغزة", "Al-Ghazzah", 21.4260, 39.8290),
    ("al_sharaye", "الشرائع", "Al-Sharaye", 21.5130, 39.9174),
    ("al_aziziyah", "العزيزية", "Al-Aziziyah", 21.4152, 39.8558),
    ("al_misfalah", "المسفلة", "Al-Misfalah", 21.4041, 39.8230),
    ("ajyad", "أجياد", "Ajyad", 21.4178, 39.8322),
    ("al_umrah", "العمرة", "Al-Umrah", 21.5615, 39.8128),
    ("al_utaybiyah", "العتيبية", "Al-Utaybiyah", 21.4525, 39.8185),
    ("bahra", "بحرة", "Bahra", 21.4023, 39.4504),
]

_WORKDAYS = ("sun", "mon", "tue", "wed", "thu")
_ALL_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
MORNING = {day: [["07:30", "14:30"]] for day in _WORKDAYS}
TWO_SHIFTS = {day: [["07:30", "14:30"], ["16:00", "21:00"]] for day in _WORKDAYS}
EVENINGS = {day: [["16:00", "22:00"]] for day in _ALL_DAYS}
ALWAYS = {day: [["00:00", "24:00"]] for day in _ALL_DAYS}

# (code, kind, area, ar, en, lat, lon, hours)
MAKKAH_SERVICE_POINTS = [
    (
        "hq",
        "headquarters",
        "al_aziziyah",
        "المبنى الرئيسي للأمانة",
        "Municipality headquarters",
        21.4120,
        39.8690,
        TWO_SHIFTS,
    ),
    ("call_centre_940", "call_centre", None, "مركز بلاغات 940", "940 reports centre", None, None, ALWAYS),
    (
        "mall_makkah",
        "mall_counter",
        "al_utaybiyah",
        "كاونتر مكة مول",
        "Makkah Mall counter",
        21.4545,
        39.8150,
        EVENINGS,
    ),
    (
        "mall_diyafa",
        "mall_counter",
        "al_sharaye",
        "كاونتر الضيافة مول",
        "Al Diyafa Mall counter",
        21.5050,
        39.9000,
        EVENINGS,
    ),
    (
        "car_1",
        "mobile_car",
        None,
        "سيارة الخدمة المتنقلة 1",
        "Mobile service car 1",
        None,
        None,
        {"thu": [["16:00", "22:00"]], "fri": [["16:00", "22:00"]]},
    ),
    (
        "car_2",
        "mobile_car",
        None,
        "سيارة الخدمة المتنقلة 2",
        "Mobile service car 2",
        None,
        None,
        {"fri": [["16:00", "22:00"]], "sat": [["16:00", "22:00"]]},
    ),
    # Mosque counters open from an hour before Maghrib to an hour after Isha: computed from prayer times.
    (
        "mosque_rajhi",
        "mosque_counter",
        "al_sharaye",
        "كاونتر جامع الراجحي",
        "Al-Rajhi Mosque counter",
        21.4990,
        39.9100,
        {},
    ),
    (
        "mosque_aziziyah",
        "mosque_counter",
        "al_aziziyah",
        "كاونتر جامع العزيزية",
        "Al-Aziziyah Grand Mosque counter",
        21.4170,
        39.8600,
        {},
    ),
    (
        "mosque_umrah",
        "mosque_counter",
        "al_umrah",
        "كاونتر جامع العمرة",
        "Al-Umrah Grand Mosque counter",
        21.5580,
        39.8150,
        {},
    ),
]

# (username, role, department, service point, first name, last name)
MAKKAH_STAFF = [
    ("agent940", "agent_940", "reports_receiving", "call_centre_940", "سارة", "الحربي"),
    ("counter", "counter_agent", "reports_receiving", "hq", "خالد", "الزهراني"),
    ("field_clean", "field_staff", "cleanliness_dept", None, "فهد", "الغامدي"),
    ("field_light", "field_staff", "lighting_dept", None, "ماجد", "العتيبي"),
    ("head_clean", "department_head", "cleanliness_dept", None, "عبدالله", "الشريف"),
    ("followup", "followup", "followup_unit", None, "نورة", "القرشي"),
    ("supervisor", "supervisor", "customer_service", None, "محمد", "المالكي"),
    ("women", "womens_section", "womens_section", "hq", "هدى", "السلمي"),
    ("admin", "org_admin", "customer_service", None, "ريم", "الثقفي"),
]

ASSOCIATIONS = [
    {
        "slug": "ahya",
        "names": {"ar": "جمعية مراكز الأحياء بمكة المكرمة", "en": "Makkah Neighbourhood Centres Association"},
        "departments": [
            ("reception", "department", None, "الاستقبال", "Reception"),
            ("social_research", "department", None, "البحث الاجتماعي", "Social Research"),
            ("committee", "department", None, "لجنة الدراسة", "Review Committee"),
        ],
        # Where members come in: the association's office (the researcher's post).
        "office": ("مقر الجمعية", "Association office", 21.4180, 39.8420),
        "staff": [
            ("ahya_researcher", "researcher", "social_research", "office", "أمل", "الحربي"),
            ("ahya_committee", "committee", "committee", None, "سعد", "الغامدي"),
            ("ahya_member", "committee", "committee", None, "فاطمة", "الزهراني"),
            ("ahya_admin", "org_admin", "reception", None, "منى", "المالكي"),
        ],
    },
    {
        "slug": "iskan",
        "names": {
            "ar": "الجمعية التعاونية للإسكان بمكة المكرمة",
            "en": "Makkah Housing Cooperative Association",
        },
        "departments": [
            ("members", "department", None, "شؤون الأعضاء", "Member Affairs"),
            ("social_research", "department", None, "البحث الاجتماعي", "Social Research"),
            ("committee", "department", None, "اللجنة", "Committee"),
        ],
        "office": ("مقر الجمعية التعاونية", "Cooperative office", 21.3950, 39.8710),
        "staff": [
            ("iskan_researcher", "researcher", "social_research", "office", "ياسر", "القرشي"),
            ("iskan_committee", "committee", "committee", None, "هند", "العتيبي"),
            ("iskan_member", "committee", "committee", None, "عبدالرحمن", "السلمي"),
            ("iskan_admin", "org_admin", "members", None, "طارق", "الشهري"),
        ],
    },
]

# (code, kind, default department, ar, en)
ASSOCIATION_CATEGORIES = [
    ("membership", "service_request", "reception", "طلب عضوية", "Membership"),
    ("support_request", "service_request", "social_research", "طلب مساعدة", "Support request"),
    ("inquiry", "inquiry", "reception", "استفسار", "Inquiry"),
    ("complaint", "complaint", "reception", "شكوى", "Complaint"),
]

# Sample descriptions per category as (language, text): how people actually write.
SAMPLES: dict[str, list[tuple[str, str]]] = {
    "animals_insects": [
        ("ar", "كلاب ضالة كثيرة عند مدخل الحي بالليل وتلاحق الأطفال"),
        ("ar", "انتشار الصراصير في الشارع قدام العمارة من أسبوع"),
        ("en", "Lots of rats near the garbage containers behind the hotel"),
        ("ur", "گلی میں بہت زیادہ مچھر ہیں، براہ کرم اسپرے کریں"),
        ("id", "Banyak kucing liar dan tikus di dekat hotel kami"),
    ],
    "cleanliness": [
        ("ar", "الحاوية ممتلئة والنفايات على الأرض من ثلاث أيام"),
        ("ar", "في قطة ميتة في الشارع ريحتها قوية"),
        ("en", "Garbage has not been collected for three days on our street"),
        ("ur", "ہوٹل کے پیچھے کچرا تین دن سے پڑا ہے"),
        ("id", "Sampah menumpuk di depan hotel sudah dua hari"),
        ("ms", "Sampah tak dikutip dah tiga hari dekat hotel kami"),
    ],
    "lighting_signs": [
        ("ar", "عمود الإنارة في الشارع العام طافي والشارع مظلم"),
        ("en", "Street light is flickering all night near the school"),
        ("hi", "सड़क की लाइट दो दिन से बंद है, बहुत अंधेरा है"),
        ("fa", "چراغ خیابان خاموش است و شب‌ها خیلی تاریک است"),
    ],
    "markets_shops": [
        ("ar", "صراصير داخل مطعم في الحي والعمال بدون شهادات صحية"),
        ("en", "The bakery sells expired bread and the kitchen is dirty"),
        ("ur", "ریسٹورنٹ کے کچن میں کاکروچ ہیں، کھانا گندا ہے"),
        ("tr", "Lokantada hamamböceği var, mutfak çok kirli"),
    ],
    "roads_sidewalks": [
        ("ar", "حفرة كبيرة في الطريق وسط الشارع خطيرة على السيارات"),
        ("ar", "غطاء غرفة التفتيش مفقود في الرصيف"),
        ("en", "Broken sidewalk tiles near the bus stop, people are tripping"),
        ("bn", "রাস্তায় বড় গর্ত, গাড়ি চলাচলে সমস্যা হচ্ছে"),
    ],
    "buildings_encroachments": [
        ("ar", "بناء بدون رخصة في الأرض المجاورة ويشتغلون بالليل"),
        ("en", "A shop extended its fence onto the public sidewalk"),
        ("fr", "Construction sans permis à côté de notre immeuble, bruit la nuit"),
    ],
    "floods": [
        ("ar", "تجمع مياه الأمطار في النفق بعد المطر والسيارات واقفة"),
        ("en", "Rain water is pooling at the junction after yesterday's rain"),
        ("id", "Air hujan menggenang di jalan dekat terowongan"),
    ],
    "parks_facilities": [
        ("ar", "ألعاب الأطفال في الحديقة مكسورة وخطيرة"),
        ("en", "A lamp inside the park is broken and the walkway is dark"),
        ("ur", "پارک کے بیت الخلا خراب ہیں اور بہت گندے ہیں"),
    ],
    "visual_distortion": [
        ("ar", "كتابات على جدران المدرسة تشوه المنظر"),
        ("en", "Graffiti all over the wall of the underpass"),
        ("ms", "Banyak poster iklan ditampal di dinding, sangat hodoh"),
    ],
    "abandoned_vehicles": [
        ("ar", "سيارة تالفة مهملة عند المسجد من شهرين"),
        ("en", "A burnt car has been left in the parking lot for weeks"),
        ("hi", "एक टूटी हुई कार कई हफ्तों से सड़क पर खड़ी है"),
    ],
    "burial": [
        ("ar", "نحتاج خدمة تغسيل وتكفين ونقل متوفى إلى المقبرة"),
        ("en", "We need help with the burial of a relative who passed away today"),
    ],
    "partner_entities": [
        ("ar", "تسرب مياه من ماسورة في الشارع من يومين"),
        ("ar", "طفح مجاري من الشبكة قدام البيت"),
        ("en", "Power cut in our building since the morning"),
        ("ur", "پانی کی پائپ لائن لیک ہو رہی ہے، سڑک پر پانی بہہ رہا ہے"),
    ],
    "other": [
        ("ar", "أبغى أستفسر عن طريقة تجديد رخصة المحل"),
        ("en", "Thank you for fixing the street light so quickly"),
        ("id", "Bagaimana cara mengurus izin usaha di Makkah?"),
    ],
}

ASSOCIATION_SAMPLES: dict[str, list[str]] = {
    "membership": ["أرغب في التسجيل عضوًا في الجمعية", "طلب انضمام للجمعية مع أسرتي"],
    "support_request": ["أسرة من ستة أفراد تحتاج مساعدة في إيجار المنزل", "طلب سلة غذائية لأسرة محتاجة"],
    "inquiry": ["متى يبدأ التسجيل في البرامج الصيفية للأطفال؟", "ما المستندات المطلوبة لطلب المساعدة؟"],
    "complaint": ["تأخر الرد على طلبي أكثر من شهر", "لم يتم التواصل معي بعد الزيارة"],
}

# Service levels. Business calendar: the government week, Sunday to Thursday 07:30–14:30, Asia/Riyadh.
BUSINESS_WINDOWS = {day: [["07:30", "14:30"]] for day in _WORKDAYS}
# (name, kind, month, day, days). The Eid holidays' exact length is set each year by the authorities;
# administrators adjust these rows (or add one-off ranges) in the admin.
OFFICIAL_HOLIDAYS = [
    ("Founding Day", "gregorian", 2, 22, 1),
    ("National Day", "gregorian", 9, 23, 1),
    ("Eid al-Fitr", "hijri", 10, 1, 4),
    ("Eid al-Adha", "hijri", 12, 9, 5),
]
WORKING_DAY = 7 * 60  # minutes in a working day on the business calendar
# (code, en, ar, kind, priority, calendar, first response minutes, resolution minutes)
MAKKAH_POLICIES = [
    ("urgent", "Urgent reports", "البلاغات العاجلة", "", "urgent", "always", 60, 24 * 60),
    ("report", "Standard reports", "البلاغات الاعتيادية", "report", "", "business", 4 * 60, 3 * WORKING_DAY),
    ("inquiry", "Inquiries", "الاستفسارات", "inquiry", "", "business", 4 * 60, 1 * WORKING_DAY),
    (
        "complaint",
        "Complaints about service",
        "الشكاوى",
        "complaint",
        "",
        "business",
        4 * 60,
        5 * WORKING_DAY,
    ),
    ("default", "Everything else", "بقية الطلبات", "", "", "business", 4 * 60, 3 * WORKING_DAY),
]
ASSOCIATION_POLICIES = [
    (
        "request",
        "Requests (decision)",
        "الطلبات (القرار)",
        "service_request",
        "",
        "business",
        2 * WORKING_DAY,
        20 * WORKING_DAY,
    ),
    ("inquiry", "Inquiries", "الاستفسارات", "inquiry", "", "business", WORKING_DAY, 2 * WORKING_DAY),
    ("complaint", "Complaints", "الشكاوى", "complaint", "", "business", WORKING_DAY, 5 * WORKING_DAY),
    ("default", "Everything else", "بقية الطلبات", "", "", "business", 2 * WORKING_DAY, 10 * WORKING_DAY),
]
SECOND_ESCALATION_MINUTES = 24 * 60

MAKKAH_AUTO_APPLY_THRESHOLD = 0.97

# Vague messages triage cannot place with confidence: they fill the triage queue, as real ones do.
VAGUE_SAMPLES = [
    ("ar", "السلام عليكم ابغى احد يتواصل معي ضروري بخصوص مشكلة عندنا"),
    ("ar", "لو سمحتو فيه موضوع عند البيت محتاج احد يشوفه"),
    ("en", "Hello, please call me back about the issue we discussed"),
    ("ur", "السلام علیکم، ایک مسئلہ ہے، براہ کرم رابطہ کریں"),
    ("id", "Tolong hubungi saya, ada masalah di sini"),
]
