"""Urgency hints from danger words, in every language, without the usual false alarms."""

import pytest

from khidma.triage import priority


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Fire in the building next to our hotel, smoke everywhere", "fire"),
        ("حريق في محل بالعزيزية والدخان كثيف", "حريق"),
        ("ہوٹل کی پچھلی گلی میں آگ لگ گئی ہے", "اگ لگ"),
        ("bhai jaldi aao building mein aag lag gayi hai", "aag lag"),
        ("दुकान में आग लग गई है, जल्दी आइए", "आग लग"),
        ("ساختمون کناری آتش گرفته", "اتش گرفته"),
        ("রান্নাঘরে আগুন লেগেছে", "আগুন লেগেছে"),
        ("ada kebakaran di gudang belakang hotel", "kebakaran"),
        ("otelin arkasında yangın var", "yangin"),
        ("le bâtiment d'à côté est en feu !", "en feu"),
        ("part of the old wall collapsed onto the pavement", "collapsed"),
        ("انهار جزء من سقف البيت الشعبي", "انهار"),
        ("tembok sekolah runtuh tadi pagi", "runtuh"),
        ("la façade de l'immeuble s'est effondrée", "effondree"),
        ("a live wire is hanging from the pole near the school", "live wire"),
        ("سلك مكشوف عند عمود الكهرباء والاطفال يلعبون", "سلك مكشوف"),
        ("park mein taar nangi hai, bachon ko current lag sakta hai", "taar nangi"),
        ("lamba direğinin kabloları açıkta, kıvılcım çıkıyor", "kivilcim"),
        ("rain water entered the houses in our street", "water entered"),
        ("مويه المطر دخلت البيوت في المسفلة", "دخلت البيوت"),
        ("ambulance can't reach our lane because of parked trucks", "ambulance can"),
        ("الاسعاف ما قدر يدخل الحارة بسبب السيارات", "الاسعاف ما"),
        ("there is a gas leak in the basement of the hotel", "gas leak"),
        ("ريحة غاز قوية في الدرج", "ريحه غاز"),
        ("gaz kokusu var, merdivenlerde çok yoğun", "gaz kokusu"),
        ("a child is trapped in the lift of the building", "trapped"),
        ("بچہ گٹر میں پھنس گیا ہے", "پهنس"),
        ("anak saya terjebak di lift", "terjebak"),
    ],
)
def test_danger_words_are_urgent(text, found):
    hint = priority.assess(text)
    assert hint.urgent
    assert any(term.startswith(found) for term in hint.matched), hint.matched


@pytest.mark.parametrize(
    "text",
    [
        "the municipality fired the cleaning employee and now nobody sweeps",
        "the fireworks kiosk is ugly",
        "le feu rouge du carrefour est cassé",
        "there is no fire, just smoke from a barbecue",
        "yangın yok, sadece mangal dumanı",
        "big pothole near the school",
        "الحاويه مليانه من ثلاث ايام",
        "lampu jalan mati sejak seminggu",
        "how can I get a burial permit",
        "the gas station sells water at double the price",
    ],
)
def test_ordinary_reports_are_not_urgent(text):
    assert priority.assess(text) == priority.PriorityHint(False, [])


def test_matched_terms_are_in_text_order_without_repeats():
    hint = priority.assess("حريق حريق وفيه تسرب غاز")
    assert hint.matched == ["حريق", "تسرب غاز"]
