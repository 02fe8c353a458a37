"""Speakers and quotes in scripts without capital letters (scriptspeech.py): texts written for these tests."""

from __future__ import annotations

from storyline.analyze import analyze
from storyline.analyze.scriptspeech import script_acts, split_role
from storyline.model import Article


def quotes(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    art = analyze(Article(id="t", text=text, lang=lang))
    return [(q.kind, q.text, q.speaker) for q in art.quotes]


def test_hindi_said_last_and_ka_kahna_hai():
    text = '"बिजली के दाम नहीं बढ़ेंगे," ऊर्जा मंत्री विनोद राणा ने कहा। उपभोक्ता संघ की अध्यक्ष कमला देवी का कहना है कि बिल पहले ही बहुत ज़्यादा हैं।'
    got = quotes(text, "hi")
    assert ("direct", "बिजली के दाम नहीं बढ़ेंगे", "विनोद राणा") in got
    assert ("indirect", "बिल पहले ही बहुत ज़्यादा हैं", "कमला देवी") in got


def test_urdu_pronoun_points_back_to_the_named_speaker():
    text = 'وزیر صحت عارف ملک نے کہا کہ نئے ہسپتال اگلے سال کھلیں گے۔ انہوں نے کہا، "ہم وعدہ پورا کریں گے۔"'
    got = quotes(text, "ur")
    assert ("direct", "ہم وعدہ پورا کریں گے۔", "عارف ملک") in got


def test_arabic_verb_first_and_a_verb_with_no_subject():
    text = 'وقال المتحدث باسم الشركة مازن العلي إن المصنع سيفتح قريبا. وأضاف: «لدينا خطة واضحة».'
    acts = script_acts(text, "ar")
    assert acts[0].clause is not None and text[acts[0].clause[0]:acts[0].clause[1]] == "المصنع سيفتح قريبا"
    got = quotes(text, "ar")
    assert any(k == "direct" and t == "لدينا خطة واضحة" and s == acts[0].speaker for k, t, s in got)


def test_bengali_marathi_gujarati_said_first():
    assert ("direct", "কাল থেকে স্কুল খোলা থাকবে।", "সুমন দাস") in quotes(
        'জেলা প্রশাসক সুমন দাস বলেন, "কাল থেকে স্কুল খোলা থাকবে।"', "bn")
    assert ("direct", "पाणीपुरवठा उद्या सुरू होईल.", "विजय कदम") in quotes(
        'आयुक्त विजय कदम म्हणाले, "पाणीपुरवठा उद्या सुरू होईल."', "mr")
    assert ("direct", "બજેટ આવતા મહિને રજૂ થશે.", "હેમંત જોષી") in quotes(
        'નાણા મંત્રી હેમંત જોષીએ કહ્યું, "બજેટ આવતા મહિને રજૂ થશે."', "gu")


def test_titles_become_the_role():
    assert split_role(["वित्त", "मंत्री", "अनिल", "वर्मा"], "hi") == ("वित्त मंत्री", "अनिल वर्मा")
    assert split_role(["وزير", "الصحة", "سامي", "الحداد"], "ar") == ("وزير الصحة", "سامي الحداد")


def test_other_languages_and_plain_mentions_give_no_script_acts():
    assert script_acts("Rubio said the talks went well.", "en") == []
    assert script_acts("सरकार ने नई योजना शुरू की।", "hi") == []  # "ने" with no speech verb
