"""Urgency hints: danger words in every supported language.

``assess(text)`` looks for a small curated lexicon of dangers (fire, collapse, electric shock and live wires,
water flooding into homes, blocked emergency access, gas leaks, people or children trapped) in the normalized
text, including Roman Urdu/Hinglish/Banglish spellings, and answers urgent when one is found that is not
negated ("no fire", "آگ نہیں"). Words match whole ("fire" does not match "fired"), and terms that are easily
innocent are written as phrases ("au feu", not "feu": "feu rouge" is a traffic light).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khidma.triage.language import Lexicon, tokens

__all__ = ["DANGERS", "PriorityHint", "assess"]

# One line per language for the reader; every term is matched in every text. Syntax as in language.Lexicon.
DANGERS: dict[str, str] = {
    "fire": """
        en: fire | fires | on fire | caught fire | blaze | flames | burning building | smoke coming
            | heavy smoke | thick smoke
        ar: حريق | حرايق | حرائق | اشتعال | اشتعل* | ولعت | تولع | مولعه | تحترق | يحترق | النار شابه
            | دخان كثيف | طالع دخان | نار
        ur: آگ | آگ لگ* | دھواں
        rom: aag | aag lag* | dhuan | dhuwan
        hi: आग | आग लग* | धुआं | धुँआ
        fa: آتش | آتیش | آتش سوزی | آتش گرفت* | دود غلیظ
        bn: আগুন* | আগুন লেগে*
        bn-Latn: agun | agun lag*
        id: kebakaran | ada api | kobaran api | terbakar hebat | asap tebal
        ms: kebakaran | api marak | asap tebal
        tr: yangın | yangin | alev* | yanıyor | tutuştu | duman yükseliyor | yoğun duman
        fr: incendie* | au feu | en feu | prend feu | pris feu | le feu a pris | flammes | fumée épaisse
    """,
    "collapse": """
        en: collapse* | caved in | cave in | about to fall | fell down | falling down | crumbling
        ar: انهيار | انهار | انهارت | ينهار | سقط | سقوط | طاح جزء | طاحت | آيل للسقوط | هبوط مفاجئ
            | انخسف*
        ur: گر گئ* | گر گیا | گرنے وال* | منہدم | ملبے تلے
        rom: gir gaya | gir gayi | gir gai | girne wal* | dhai | dhai gayi
        hi: गिर गई | गिर गया | गिरने वाल* | ढह* | ध्वस्त
        fa: ریزش* | فرو ریخت* | خراب شد و افتاد | داره میریزه | فرو رفت
        bn: ভেঙে পড়* | ধসে* | ধস
        bn-Latn: venge porse | bhenge pore | dhose
        id: roboh | runtuh | ambruk | amblas | ambles
        ms: runtuh | roboh | mendap
        tr: çöktü | çöküyor | çökme* | çökecek | yıkıldı | yıkılıyor | göçtü
        fr: effondr* | écroul* | s'est affaissé* | menace de tomber | va tomber
    """,
    "electric": """
        en: electric shock | electrocut* | live wire* | exposed wire* | bare wire* | naked wire*
            | sparks | sparking | got a shock | short circuit
        ar: ماس كهربائي | التماس كهربائي | صعق* | مكهرب* | كهربته | اسلاك مكشوفه | سلك مكشوف | سلك عريان
            | شرار* | اسلاك عاريه | الاسلاك طالعه | سلك كهربا طايح | سلك كهرباء طايح
        ur: کرنٹ لگ* | ننگی تار* | تاریں باہر | تار ننگ* | شارٹ سرکٹ | بجلی کا جھٹکا
        rom: current lag* | nangi taar* | taar nangi | taar nanga | taarein bahar | short circuit
            | bijli ka jhatka
        hi: करंट लग* | नंगे तार | तार नंगा | तार नंगे | बिजली का झटका | शॉर्ट सर्किट | चिंगारी*
        fa: برق گرفت* | سیم لخت | سیمها بیرون | سیم ها بیرون | جرقه* | اتصالی
        bn: শক খা* | কারেন্ট লেগে* | খোলা তার | তার বের* | স্ফুলিঙ্গ | শর্ট সার্কিট
        bn-Latn: current khabe | shock khaise | khola tar | tar beriye
        id: kesetrum | tersetrum | kabel terbuka | kabel terkelupas | percikan api | korsleting
            | korslet
        ms: renjatan elektrik | kejutan elektrik | wayar terdedah | litar pintas
        tr: elektrik çarp* | çarpılacak* | açıkta kablo* | kablolar açıkta | kıvılcım* | kısa devre
        fr: électrocut* | fils dénudés | fil dénudé | câbles à nu | étincelles | court-circuit
            | décharge électrique
    """,
    "flood_home": """
        en: water entered | into the house* | into homes | into our home* | into our house*
            | flooded our* | houses flooded | homes flooded | flooding the house* | water in the house*
        ar: دخلت البيوت | دخل البيوت | دخلت البيت | دخلت على البيوت | غرقت البيوت | المويه دخلت
            | الماء دخل | المياه دخلت | محاصرين | داخل البيوت
        ur: گھروں میں پانی | گھر میں پانی | گھروں تک
        rom: gharon mein pani | ghar mein pani | gharon mein paani | ghar mein paani | gharon tak
        hi: घरों में पानी | घर में पानी | पानी घुस*
        fa: آب وارد خانه | آب رفته تو خونه | آب اومده تو خونه | خونه ها رو آب گرفته | آب وارد منازل
        bn: ঘরে পানি | ঘরে ঢুকে* | বাসায় পানি
        bn-Latn: ghore pani | ghore dhuke | basay pani
        id: masuk rumah | masuk ke rumah | rumah kebanjiran | rumah terendam | air masuk
        ms: masuk rumah | rumah dinaiki air | air masuk
        tr: evlere su | eve su | evleri su bastı | evi su bastı | evlere girdi
        fr: dans les maisons | dans la maison | l'eau est entrée | maisons inondées | chez nous l'eau
    """,
    "blocked_emergency": """
        en: ambulance can't | ambulance cant | ambulance cannot | ambulance couldn't | ambulance couldnt
            | ambulance could not | ambulance can not | ambulance blocked | blocked ambulance
            | ambulance is stuck | fire truck* | emergency exit* | emergency access | emergency gate
            | blocked the ambulance
        ar: الاسعاف ما* | الإسعاف ما* | الاسعاف لا | اسعاف ما | الدفاع المدني | مخرج الطوارئ
            | بوابه الطوارئ | طريق الاسعاف | مخارج الطوارئ
        ur: ایمبولینس نہیں | ایمبولینس اندر نہیں
        rom: ambulance nahi | ambulance andar nahi | ambulance nahin
        hi: एम्बुलेंस नहीं | एम्बुलेंस रुकी | एंबुलेंस नहीं | एम्बुलेंस फंसी
        fa: آمبولانس نمی* | آمبولانس نتونست* | آمبولانس نمیتونه | خروج اضطراری
        bn: অ্যাম্বুলেন্স ঢুকতে পারে না | অ্যাম্বুলেন্স আসতে পারে না | অ্যাম্বুলেন্স ঢুকতে পারছে না
        bn-Latn: ambulance dhukte pare na | ambulance dhukte parena | ambulance ashte pare na
        id: ambulans tidak bisa | ambulans gak bisa | ambulans nggak bisa | jalan masuk ambulans
            | pintu darurat
        ms: ambulans tak boleh | ambulans tidak boleh | pintu kecemasan
        tr: ambulans geçemiyor | ambulans giremiyor | ambulans giremedi | ambulans geçemedi
            | acil çıkış* | itfaiye geçemiyor
        fr: l'ambulance n'a pas pu | ambulance ne peut pas | ambulance n'a pas pu | sortie de secours
            | les pompiers ne peuvent pas
    """,
    "gas": """
        en: gas leak* | smell of gas | gas smell* | leaking gas | gas cylinder leak*
        ar: تسرب غاز | تسريب غاز | تسرب الغاز | تسريب الغاز | ريحه غاز | رائحه غاز | ريحة الغاز
            | رائحه الغاز
        ur: گیس لیک | گیس کی بو | گیس کی بدبو
        rom: gas leak* | gas ki bu | gas ki badbu
        hi: गैस लीक | गैस की बदबू | गैस की बू | गैस रिस*
        fa: نشت گاز | بوی گاز | گاز نشت*
        bn: গ্যাস লিক | গ্যাসের গন্ধ | গ্যাস বের*
        bn-Latn: gas leak* | gaser gondho
        id: bocor gas | gas bocor | kebocoran gas | bau gas
        ms: kebocoran gas | gas bocor | bau gas
        tr: gaz kaçağı | gaz kaçak* | gaz kokusu | gaz sızıntısı
        fr: fuite de gaz | odeur de gaz | ça sent le gaz
    """,
    "trapped": """
        en: trapped | stuck inside | fell into | fell in the | child fell | kid fell | boy fell
            | girl fell | people inside | family is still inside | drowning
        ar: محاصر* | محبوس* | محتجز* | عالق* | علقوا | طفل طاح | طاح طفل | طاح ولد | وقع طفل | طاح في
            | طاحت في | ناس داخل | في داخلها ناس | يغرق | غرق طفل
        ur: پھنس* | اندر لوگ | بچہ گر | ڈوب رہ*
        rom: phans* | phas gay* | andar log | bacha gir | bachcha gir | doob rah*
        hi: फंस* | अंदर लोग | बच्चा गिर | डूब रह*
        fa: گیر افتاد* | گیر کرد* | زیر آوار | بچه افتاد
        bn: আটকে* | ভিতরে মানুষ | বাচ্চা পড়ে গে*
        bn-Latn: atke | atke gese | vitore manush | baccha pore gese
        id: terjebak | terperangkap | anak jatuh | jatuh ke lubang | tenggelam
        ms: terperangkap | tersangkut | budak jatuh | jatuh dalam | lemas
        tr: mahsur* | sıkıştı | içinde kaldı | çocuk düştü | içine düştü | boğul*
        fr: coincé* | piégé* | bloqués à l'intérieur | enfant est tombé | tombé dans | noyade
    """,
}

# Negators that stand before the danger ("no fire", "pas d'incendie", "لا يوجد حريق") or after it ("aag nahi",
# "yangın yok", "আগুন নেই").
_BEFORE = frozenset(
    tokens("no not without never isnt tidak tak bukan tiada pas aucun sans لا ليس ما مافيه بدون نه بی")
)
_AFTER = frozenset(tokens("nahi nahin nai yok değil degil نہیں نیست नहीं নেই নাই না"))


def _terms(block: str) -> list[str]:
    terms = []
    for line in block.strip().splitlines():
        line = re.sub(r"^\s*[A-Za-z-]+:", "", line)
        terms.extend(term.strip() for term in line.split("|") if term.strip())
    return terms


LEXICON = Lexicon({danger: _terms(block) for danger, block in DANGERS.items()})


@dataclass(frozen=True, slots=True)
class PriorityHint:
    urgent: bool
    matched: list[str]  # the danger words found (normalized, as in the text), in text order, without repeats


def assess(text: str) -> PriorityHint:
    """Urgent when the text names a danger (and does not deny it)."""
    words = tokens(text)
    matched: list[str] = []
    covered: set[int] = set()
    # longest first, so "aag lag gayi" wins over "aag"
    for match in sorted(LEXICON.find(words), key=lambda match: (match.start, match.start - match.end)):
        if covered.intersection(range(match.start, match.end)):
            continue
        before = words[max(0, match.start - 2) : match.start]
        after = words[match.end : match.end + 2]
        if any(word in _BEFORE for word in before) or any(word in _AFTER for word in after):
            continue
        covered.update(range(match.start, match.end))
        found = " ".join(words[match.start : match.end])
        if found not in matched:
            matched.append(found)
    return PriorityHint(bool(matched), matched)
