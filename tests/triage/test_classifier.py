"""Category classification: the borderline rules, the prediction shape, retraining and persistence.

Every sentence here is written for these tests (none is in the corpus), in at least Arabic, English and two
other languages per rule, so they check the behaviour on new text rather than recall of the training data.
"""

import pytest

from khidma.triage import classifier, classify, corpus

RULE_CASES = {
    "cockroaches in a restaurant": (
        "markets_shops",
        [
            "Saw cockroaches running on the counter of a shawarma restaurant in Al-Awali while they cooked",
            "في صراصير تمشي داخل مطبخ المطعم اللي جنب محطة البنزين في الشوقية وهم يجهزون الاكل",
            "Il y a des cafards dans la cuisine du restaurant en face de notre hôtel, près des plats",
            "ہوٹل کے ریسٹورنٹ کے کچن میں لال بیگ پھر رہے ہیں، کھانا وہیں پک رہا ہے",
            "ada kecoa jalan-jalan di meja dapur rumah makan dekat hotel, jijik banget",
        ],
    ),
    "cockroaches in the street": (
        "animals_insects",
        [
            "Lots of cockroaches crawling out of the drain on our street every night in Al-Naseem",
            "الصراصير طالعه من فتحات التصريف في الشارع كل ليلة عند بيوتنا في الرصيفة",
            "gece sokaktaki ızgaralardan yüzlerce hamamböceği çıkıyor, evlerin önü dolu",
            "हमारी गली में रात को नाली से बहुत सारे कॉकरोच निकलकर सड़क पर फैल जाते हैं",
        ],
    ),
    "rubble dumped on a street": (
        "cleanliness",
        [
            "Someone unloaded a pile of broken bricks and rubble in the middle of our street last night",
            "احد رمى انقاض ومخلفات بناء في نص الشارع عند المسجد وسد نص الطريق",
            "ada orang buang sisa binaan dan batu bata pecah tepi jalan depan rumah kami",
            "یکی شب نخاله ساختمانی ریخته وسط کوچه، ماشین رد نمیشه",
        ],
    ),
    "a building without a permit": (
        "buildings_encroachments",
        [
            "My neighbour is adding a second floor without any building permit, workers are there every day",
            "جارنا يبني ملحق فوق السطح بدون ترخيص من البلدية",
            "yan parselde ruhsatsız bir bina yükseliyor, kimse durdurmuyor",
            "পাশের প্লটে অনুমতি ছাড়া তিনতলা বিল্ডিং বানাচ্ছে",
        ],
    ),
    "a leaking water pipe": (
        "partner_entities",
        [
            "The main water pipe under our road is leaking, clean water running down the street all day",
            "فيه تسريب مويه من الماسورة الرئيسية قدام البيت والمويه ماشيه في الشارع من امس",
            "pipa PDAM bocor di depan gang, air bersih terbuang terus dari pagi",
            "ہماری گلی میں پانی کا پائپ پھٹ گیا ہے اور صاف پانی ضائع ہو رہا ہے",
        ],
    ),
    "sewage overflowing from the network": (
        "partner_entities",
        [
            "Sewage is overflowing from the sewer line onto the sidewalk, terrible smell",
            "الصرف الصحي طافح في الحارة والمجاري ماليه الشارع",
            "les égouts débordent dans notre rue, l'eau sale coule devant les maisons",
            "सीवर का गंदा पानी उबलकर सड़क पर बह रहा है",
        ],
    ),
    "rain water pooling": (
        "floods",
        [
            "After the rain a big pool of water has formed at the junction and cars are stuck",
            "بعد المطر تجمعت مياه الامطار عند الدوار والسيارات ما تقدر تمشي",
            "yağmurdan sonra caddede su birikti, yayalar geçemiyor",
            "বৃষ্টির পর আমাদের গলিতে হাঁটু পর্যন্ত পানি জমে আছে",
        ],
    ),
    "a missing manhole cover": (
        "roads_sidewalks",
        [
            "The manhole cover is missing on the sidewalk near the school, a kid could fall in",
            "غطاء المنهول مفقود في الرصيف قدام المدرسة وممكن احد يطيح",
            "penutup lurang hilang kat kaki lima depan sekolah, bahaya untuk budak",
            "اسکول کے سامنے مین ہول کا ڈھکن غائب ہے، کوئی بھی گر سکتا ہے",
        ],
    ),
    "a broken lamp inside a park": (
        "parks_facilities",
        [
            "The lamp posts inside the neighbourhood park are broken for weeks, families sit in the dark",
            "اعمدة الانارة داخل الحديقة خربانه والاطفال يلعبون في الظلام",
            "les lampadaires du parc sont cassés, le soir les familles restent dans le noir",
            "lampu di dalam taman kota mati semua, anak-anak main dalam gelap",
        ],
    ),
    "a street light": (
        "lighting_signs",
        [
            "Three street lights on our road are out and the whole street is dark at night",
            "اعمدة انارة الشارع طافية من اسبوع والطريق مظلم",
            "sokak lambaları bir haftadır yanmıyor, cadde zifiri karanlık",
            "हमारी सड़क की स्ट्रीट लाइट एक हफ्ते से बंद है, रात को अंधेरा रहता है",
        ],
    ),
    "a wrecked car": (
        "abandoned_vehicles",
        [
            "A wrecked car with smashed windows has been left in front of our building for months",
            "سيارة مصدومه ومتروكه قدام العمارة من شهور وعليها غبار",
            "یک ماشین تصادفی و اوراقی چند ماهه جلوی خونه ما مونده",
            "kereta remuk ditinggalkan tepi jalan dah berbulan, tayar pancit",
        ],
    ),
    "graffiti": (
        "visual_distortion",
        [
            "Kids sprayed graffiti all over the wall of the mosque parking",
            "فيه كتابات وخربشات بالبخاخ على جدار المدرسة",
            "okulun duvarına sprey boyayla grafiti yapmışlar",
            "মসজিদের দেয়ালে কেউ গ্রাফিতি এঁকে গেছে",
        ],
    ),
    "a dead animal": (
        "cleanliness",
        [
            "There is a dead cat lying on the road in front of our house since yesterday",
            "فيه قطة ميته في الشارع عند البقالة من يومين وريحتها قويه",
            "ada bangkai anjing di pinggir jalan dekat masjid, baunya menyengat",
            "یه گربه مرده وسط خیابون افتاده از دیروز",
        ],
    ),
    "an abandoned building": (
        "buildings_encroachments",
        [
            "The abandoned building on the corner has no doors left and boys climb on its roof at night",
            "العماره المهجوره اللي في اخر الشارع صارت خرابه والشباب يدخلونها بالليل",
            "gedung terbengkalai di ujung jalan jendelanya pecah semua, bahaya kalau runtuh",
            "l'immeuble abandonné derrière la mosquée menace de s'effondrer sur le trottoir",
            "পরিত্যক্ত ভবনের দেয়াল ফেটে গেছে, নিচ দিয়ে বাচ্চারা স্কুলে যায়",
        ],
    ),
    "the garbage truck did not come": (
        "cleanliness",
        [
            "The garbage truck has not passed in our lane for five days, bags everywhere",
            "سيارة النظافة ما مرت علينا من اسبوع والاكياس متكومه عند الباب",
            "ماشین زباله سه روزه به کوچه ما نیومده",
            "kachre ki gaadi 4 din se nahi aayi hamari gali mein",
            "çöp kamyonu bir haftadır sokağımıza uğramadı",
        ],
    ),
    "a street light beside a park, not inside it": (
        "lighting_signs",
        [
            "The street light in front of the park on the main road has been off for a week",
            "عمود انارة الشارع المحاذي للحديقه طافي من اسبوع والطريق ظلام",
            "park ke bahar wali sadak ki street light band hai kai din se",
        ],
    ),
}

# Words that matched a concept they do not mean, fixed after the cross-validation of issue 9: each sentence
# would be classified by a rule that does not apply.
NOT_A_RULE = [
    "پدرم امروز صبح در خانه وفات کرد، برای غسل و کفن به کی زنگ بزنم؟",  # زنگ زدن: to call, not rust
    "ہمارے کمرے میں بچھو نکلا ہے، بچے ڈر گئے ہیں",  # کمرے: a room, not مرے (dead)
    "le commerçant demande un prix plus élevé que l'étiquette, pas de tag sur les produits",
    "frère les rats sortent des bouches d'égout la nuit dans notre rue",  # bouches is not boucher
]


@pytest.mark.parametrize("text", NOT_A_RULE)
def test_words_that_look_like_rule_concepts_do_not_fire_a_rule(model, text):
    assert model.predict(text).rule is None


@pytest.fixture(scope="module")
def model():
    return classifier.get_model()


@pytest.mark.parametrize(
    ("case", "category", "text"),
    [(case, category, text) for case, (category, texts) in RULE_CASES.items() for text in texts],
)
def test_borderline_rules(model, case, category, text):
    assert model.predict(text).category == category, case


def test_prediction_shape_and_order(model):
    prediction = model.predict("big pothole on the main road, my tyre burst")
    assert prediction.category == "roads_sidewalks"
    assert len(prediction.alternatives) == 2
    names = [prediction.category] + [category for category, _ in prediction.alternatives]
    assert len(set(names)) == 3
    assert set(names) <= set(corpus.CATEGORIES)
    confidences = [prediction.confidence] + [confidence for _, confidence in prediction.alternatives]
    assert confidences == sorted(confidences, reverse=True)
    assert confidences[-1] >= 0.0
    assert sum(confidences) <= 1.0 + 1e-6


def test_probabilities_cover_every_category(model):
    probabilities = model.probabilities("le robinet du parc fuit")
    assert set(probabilities) == set(corpus.CATEGORIES)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_classify_returns_the_json_contract(model):
    result = classify("حفرة كبيرة في الشارع قدام المدرسة", model=model)
    assert set(result) == {"language", "category", "confidence", "alternatives"}
    assert result["language"] == "ar"
    assert result["category"] == "roads_sidewalks"
    assert isinstance(result["confidence"], float)
    assert len(result["alternatives"]) == 2
    for alternative in result["alternatives"]:
        assert set(alternative) == {"category", "confidence"}
        assert alternative["confidence"] <= result["confidence"]


def test_get_model_is_a_singleton_trained_on_the_training_split_only(model):
    assert classifier.get_model() is model
    assert model.trained_on == len(corpus.load("train"))


def test_retraining_with_an_installations_history_changes_a_prediction(model):
    # an installation's own word for something: "zorblax" reports that staff filed under one category
    text = "zorblax problem at gate 9"
    before = model.predict(text).category
    target = "burial" if before != "burial" else "other"
    places = ["gate", "the bridge", "the tunnel", "street 4", "the square", "the mosque"]
    history = [(f"zorblax problem near {place}, {n} days now", target) for n in range(3) for place in places]
    retrained = classifier.train(history)
    assert retrained.trained_on == model.trained_on + len(history)
    assert retrained.predict(text).category == target


def test_train_rejects_unknown_categories():
    with pytest.raises(ValueError, match="unknown category"):
        classifier.train([("a text", "potholes")], include_corpus=False)


def test_save_and_load_round_trip(model, tmp_path):
    path = tmp_path / "category-model.pickle"
    model.save(path)
    loaded = classifier.CategoryModel.load(path)
    for text in ["sampah menumpuk di depan hotel", "اعمدة الانارة طافية", "graffiti on the bridge"]:
        assert loaded.predict(text) == model.predict(text)


def test_load_refuses_other_pickles(tmp_path):
    path = tmp_path / "other.pickle"
    path.write_bytes(__import__("pickle").dumps({"not": "a model"}))
    with pytest.raises(TypeError):
        classifier.CategoryModel.load(path)


@pytest.mark.parametrize(
    ("case", "rule"),
    [
        ("an abandoned building", "an abandoned building is a building matter"),
        ("the garbage truck did not come", "a garbage truck is a cleanliness matter"),
    ],
)
def test_rule_decides_even_where_the_model_alone_might_agree(model, case, rule):
    """The model may learn these from the corpus, but a deployment retrained on its own history may not."""
    for text in RULE_CASES[case][1]:
        assert model.predict(text).rule == rule, text
