"""Category triage on realistic messages written for these tests, not taken from the corpus.

Each group checks something the model got wrong before corpus_d and the lexicon additions of issue 9
(slaughter remains, pest spraying in Urdu, no-entry signs, power and water outages in dialect, wrecked
vehicles, bakeries and butchers, insults written on walls) or before typo-tolerant lexicon matching. None of
these sentences is in any corpus file (checked by a test below).
"""

import pytest

from khidma.triage import classifier, corpus, lexicons
from khidma.triage.language import Lexicon, _one_edit

NEW_MESSAGES = [
    ("cleanliness", "قربانی کے بعد محلے کی گلی میں اوجھڑی اور آلائشیں پھینک دی گئی ہیں، بلیاں اور مکھیاں"),
    ("cleanliness", "بعد از عید قربان شکمبه و روده گوسفندها رو پشت مسجد ریختن، مگس و بوی بد"),
    ("cleanliness", "बकरीद के बाद किसी ने नाली के पास आंतें और खाल डाल दी हैं, कुत्ते खींच रहे हैं"),
    ("cleanliness", "ঈদের পর আমাদের রাস্তার মোড়ে গরুর নাড়িভুঁড়ি আর চামড়া ফেলে গেছে, পচা গন্ধ"),
    ("cleanliness", "بعد العيد احد رمى الكرشة وجلود الذبايح جنب الحاوية والريحة طالعة"),
    ("animals_insects", "ہمارے بلاک میں مچھر بہت زیادہ ہیں، مہربانی کر کے دوا کا اسپرے کروائیں"),
    ("animals_insects", "گلی میں لال بیگ ہی لال بیگ ہیں، کوئی اسپرے کرنے والا بھیج دیں"),
    ("lighting_signs", "মোড়ের নো এন্ট্রি সাইন ভেঙে পড়ে আছে, গাড়ি উল্টা দিক দিয়ে ঢুকছে"),
    ("lighting_signs", "لوحة ممنوع الدخول عند مدخل الحارة طايحة من اسبوع والسيارات تدخل عكس"),
    ("lighting_signs", "چوک پر نو انٹری کا بورڈ کسی ٹرک نے توڑ دیا، لوگ غلط طرف سے گاڑی لا رہے ہیں"),
    ("partner_entities", "از دیشب آب نمیاد، شیر رو باز میکنیم هیچی نمیاد"),
    ("partner_entities", "ما عندنا مويه من امس الصبح، الخزان فاضي"),
    ("partner_entities", "তিন দিন ধরে বাসায় কারেন্ট নাই, ফ্যান চলে না, বাচ্চারা কষ্ট পাচ্ছে"),
    ("partner_entities", "بجلی غائب ہے صبح سے پوری عمارت میں، لفٹ بھی بند"),
    ("abandoned_vehicles", "hotel ke peeche accident wali gaadi kab se padi hai, koi nahi hatata"),
    ("abandoned_vehicles", "अस्पताल के गेट के पास एक्सीडेंट वाली गाड़ी हफ्तों से खड़ी है"),
    ("abandoned_vehicles", "الشارع فيه سيارة متفحمة من شهرين محد جا شالها"),
    ("abandoned_vehicles", "کوچه ما یه ماشین تصادفی سه ماهه مونده، شیشه هاش خورد شده"),
    ("markets_shops", "تندور والا روٹیاں زمین پر رکھتا ہے اور ہاتھ بھی نہیں دھوتا"),
    ("markets_shops", "الخباز يعجن والعرق نازل على العجين وما يلبس قفازات"),
    ("visual_distortion", "মসজিদের দেয়ালে কেউ খারাপ কথা লিখে রেখেছে, বাচ্চারা পড়ে"),
    ("visual_distortion", "رو دیوار پارکینگ حرفای زشت با اسپری نوشتن"),
    ("visual_distortion", "کسی نے اسکول کی دیوار پر اسپرے سے گالیاں لکھ دیں"),
]


@pytest.mark.parametrize(("category", "text"), NEW_MESSAGES)
def test_new_realistic_messages(category, text):
    assert classifier.get_model().predict(text).category == category


def test_the_test_messages_are_not_in_the_corpus():
    texts = {example.text for example in corpus.load("all")}
    assert not texts & {text for _, text in NEW_MESSAGES}


def test_urdu_pest_spraying_is_not_graffiti():
    # Urdu اسپرے and Persian اسپری fold to the same word; spraying insecticide must not fire the graffiti rule
    found = classifier._find("مہربانی کر کے گلی میں مچھر مار اسپرے کروا دیں")
    assert "graffiti" not in found.all
    assert "pest" in found.all


# ---------------------------------------------------------------------------------------------------------
# Typos: a Latin-script word of six letters or more matches a lexicon word of seven or more one edit away
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("cockroches on the floor", "pest"),
        ("the restuarant near our hotel", "food_business"),
        ("garbadge everywhere", "cleanliness"),
        ("the sewarage line is blocked", "water_network"),
        ("la boulangrie du coin", "food_business"),
        ("abandonded car", "abandoned"),
    ],
)
def test_typos_match_the_lexicon(text, concept):
    assert concept in classifier._find(text).all
    exact = Lexicon({concept: lexicons.concepts()[concept]})
    assert not exact.concepts_in(text)  # the exact matcher misses it


@pytest.mark.parametrize(
    ("text", "concept"),
    [("kids jumping on the bed", "cleanliness"), ("the mountain road", "park"), ("morning jogging", "pest")],
)
def test_a_different_first_letter_is_not_a_typo(text, concept):
    assert concept not in classifier._find(text).all


def test_a_typo_reaches_the_borderline_rules():
    prediction = classifier.get_model().predict("cockroches crawling in the restuarant next to our hotel")
    assert prediction.category == "markets_shops"
    assert prediction.rule == "pests inside a place that sells food are a shop matter"


def test_one_edit():
    assert _one_edit("barsh", "barish")  # a letter missing
    assert _one_edit("abandonned", "abandoned")  # a letter extra
    assert _one_edit("mosquitos", "mosquiton")  # a letter wrong
    assert _one_edit("garbgae", "garbage")  # two neighbours swapped
    assert not _one_edit("garbage", "garbanzo")
    assert not _one_edit("dumping", "jumping")  # the first two letters must agree
