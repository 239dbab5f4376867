"""Language identification: held-out accuracy and the pairs that are easy to confuse."""

from collections import Counter

import pytest

from khidma.triage import corpus, language


def test_held_out_accuracy_is_at_least_97_percent():
    held_out = corpus.load("test")
    right = Counter()
    for example in held_out:
        right[example.language == language.detect(example.text).code] += 1
    assert right[True] / len(held_out) >= 0.97


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Arabic, Urdu and Persian share the script (fresh sentences, not from the corpus)
        ("الحاويه اللي عند باب العماره مليانه من ثلاث ايام والريحه ما تنطاق", "ar"),
        ("عمارت کے دروازے کے پاس کوڑے کا ڈبہ تین دن سے بھرا ہوا ہے، بدبو آ رہی ہے", "ur"),
        ("سطل زباله جلوی در ساختمون سه روزه پر شده و بوی بدی میده", "fa"),
        ("لو سمحت متى يجون يصلحون الرصيف اللي قدام بيتنا؟", "ar"),
        ("براہ کرم ہمارے گھر کے سامنے والا فٹ پاتھ کب ٹھیک ہوگا؟", "ur"),
        ("لطفا بگید کی پیاده رو جلوی خونه ما رو درست میکنید؟", "fa"),
        # Indonesian and Malay
        ("tempat sampah di depan gedung udah penuh dari tiga hari, baunya nggak ketulungan", "id"),
        ("tong sampah depan bangunan dah penuh tiga hari, bau busuk betul tak tahan", "ms"),
        ("mobil tetangga udah gak dipake setahun, bannya kempes semua", "id"),
        ("kereta jiran tu dah setahun tak bergerak, tayar semua pancit", "ms"),
        # the Romanized ones
        ("amader barir samne ekta gorto, rate keu dekhte pay na", "bn"),
        ("bhai hamari gali mein bohat kachra para hai, meherbani kar ke uthwa dein", "ur"),
        ("रात में गली की बत्ती नहीं जलती, बहुत अंधेरा रहता है", "hi"),
        ("রাতে গলির বাতি জ্বলে না, খুব অন্ধকার থাকে", "bn"),
        ("Çöp konteyneri üç gündür boşaltılmadı, koku dayanılmaz", "tr"),
        ("La poubelle devant l'immeuble n'a pas été vidée depuis trois jours", "fr"),
        ("The bin in front of our building hasn't been emptied for three days", "en"),
    ],
)
def test_confusable_languages(text, code):
    assert language.detect(text).code == code


def test_guess_shape():
    guess = language.detect("Il y a un nid de poule énorme devant l'école")
    assert guess.code == "fr"
    assert 0.5 < guess.confidence <= 1.0


def test_text_without_letters_gets_the_default_with_no_confidence():
    assert language.detect("") == language.LanguageGuess(language.DEFAULT_LANGUAGE, 0.0)
    assert language.detect("123 ٤٥٦ !!").confidence == 0.0


def test_normalization_folds_variants():
    assert language.tokens("أحمد إلى آخر مستشفى مدرسة ـــ") == ["احمد", "الي", "اخر", "مستشفي", "مدرسه"]
    assert language.normalize("مُسْتَشْفَى") == "مستشفي"
    assert language.normalize("٣ ۴ ३ ৩") == "3 4 3 3"
    assert language.normalize("ÇÖP Épave") == "cop epave"
    assert language.normalize("anak2 soooo") == "anak soo"
    assert language.tokens("हिन्दी में सड़क") == ["हिन्दी", "में", "सडक"]  # vowel signs stay inside the word


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("আমাদের গলিতে তিন দিন ধরে ময়লা পড়ে আছে", "bn"),
        ("हमारी गली में तीन दिन से कूड़ा पड़ा है", "hi"),
    ],
)
def test_a_script_that_allows_one_language_answers_without_the_models(monkeypatch, text, code):
    """Bengali and Devanagari letters settle the language: no n-grams, no Lingua (the slow part)."""
    model = language.get_model()
    assert model.probabilities(text)[code] == pytest.approx(1.0)  # what the full path would say

    def unexpected(_text):
        raise AssertionError("the models were asked")

    monkeypatch.setattr(model, "_row", unexpected)
    guess = model.detect(text)
    assert (guess.code, guess.confidence) == (code, 1.0)
