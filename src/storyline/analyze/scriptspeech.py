"""Who said what in Hindi, Urdu, Arabic, Bengali, Marathi and Gujarati: scripts with no capital letters.

speakers.py finds a speaker by its capitals ("Rubio said"); these scripts have none, so a speaker is read
from the grammar of the speech construction instead:
- Hindi, Urdu, Marathi, Gujarati put the speaker before an ergative or genitive particle and the verb:
  "अनिल वर्मा ने कहा", "X का कहना है", "فرحان قریشی نے کہا", "X کا کہنا تھا", "X यांनी सांगितले", "X म्हणाले",
  "કિરણ પટેલે કહ્યું"; Bengali before the verb alone: "রফিক হাসান বলেন".
- Arabic puts the verb first: "وقال وزير الصحة سامي الحداد إن …", "«…»، قال X".
The speaker phrase is the few words next to the particle or verb, cut at a postposition or a
punctuation mark; a title word ("मंत्री", "وزير", "সভাপতি") splits it into role and name. A pronoun
("उन्होंने", "انہوں نے") or a verb with no subject ("وأضاف:") is the last speaker named before it.
The reported clause after "कि / کہ / أن / إن / যে / की / કે" is an indirect quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCRIPT_LANGS = ("hi", "ur", "ar", "bn", "mr", "gu")

# Speaker-before languages: (particle and verb after the speaker, postpositions and words that end a
# speaker phrase on its left, pronouns that stand for the last speaker).
_BEFORE = {
    "hi": (r"(?:(?P<pro>उन्होंने|उसने)\s+(?:[^\s।,]+\s+){0,3}?(?:कहा|बताया)"
           r"|ने\s+(?:[^\s।,]+\s+){0,2}?(?:कहा|बताया|कही|दोहराया|जोड़ा)|का\s+कहना\s+(?:है|था)|की\s+ओर\s+से\s+कहा\s+गया)",
           {"के", "की", "का", "में", "से", "को", "पर", "और", "ने", "कि", "भी", "तो", "यह", "वह"},
           {"उन्होंने", "उसने", "उनका", "उसका", "उन्हों"}),
    "ur": (r"(?:نے\s+(?:[^\s۔،]+\s+){0,2}?(?:کہا|بتایا|کہی)|کا\s+کہنا\s+(?:ہے|تھا))",
           {"کے", "کی", "کا", "میں", "سے", "کو", "پر", "اور", "نے", "کہ", "بھی", "یہ", "وہ"},
           {"انہوں", "انھوں", "اس", "ان"}),
    "mr": (r"(?:(?P<pro>त्यांनी)\s+(?:[^\s।.,]+\s+){0,1}?(?:सांगितले|म्हटले)|(?:यांनी|ने|नी)\s+(?:[^\s।.,]+\s+){0,1}?(?:सांगितले|म्हटले|स्पष्ट\s+केले)|म्हणाले|म्हणाल्या|म्हणतात)",
           {"च्या", "ची", "चा", "चे", "मध्ये", "ला", "ने", "आणि", "की", "असे", "त्यांच्या", "तर"},
           {"ते", "त्या", "त्यांनी"}),
    "gu": (r"(?:એ\s+)?(?:કહ્યું|જણાવ્યું|ઉમેર્યું)|(?:નું|નો)\s+કહેવું\s+છે|કહે\s+છે",
           {"ના", "ની", "નું", "નો", "માં", "થી", "ને", "અને", "કે", "પણ"},
           {"તેમણે", "તેણે", "તેઓએ"}),
    "bn": (r"(?:বলেন|বলেছেন|বললেন|জানান|জানিয়েছেন|বলেছে|বলছেন)",
           {"এবং", "ও", "যে", "কিন্তু", "তবে", "এর", "থেকে"},
           {"তিনি", "তারা", "উনি"}),
}
_AR_VERBS = ("قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "صرح", "صرحت", "أوضح", "أوضحت", "أعلن", "أعلنت",
             "تابع", "تابعت", "أشار", "أشارت", "ذكر", "ذكرت")
_AR_VERB = re.compile(r"(?<![\w])و?(?:" + "|".join(_AR_VERBS) + r")(?![\w])")
# words that end an Arabic speaker phrase on its right ("إن", "أن", a time word)
_AR_STOP = {"إن", "أن", "إنه", "إنها", "أنه", "أنها", "يوم", "في", "خلال", "اليوم", "أمس", "مساء", "صباح", "لـ",
            "على", "عن", "بعد", "قبل", "إلى"}
# the word that opens a reported clause, by language
_THAT = {"hi": ("कि",), "ur": ("کہ",), "ar": ("إن", "أن"), "bn": ("যে",), "mr": ("की",), "gu": ("કે",)}
# title words: the words up to the last of them are the role, the rest the name
_TITLES = {
    "hi": ("मंत्री", "प्रधानमंत्री", "मुख्यमंत्री", "गवर्नर", "अध्यक्ष", "प्रवक्ता", "नेता", "निदेशक", "राष्ट्रपति",
           "विज्ञानी", "वैज्ञानिक", "डॉ.", "डॉक्टर", "सांसद", "विधायक", "आयुक्त", "महापौर", "अधिकारी", "सचिव"),
    "ur": ("وزیر", "مشیر", "وزیراعظم", "صدر", "ترجمان", "رہنما", "میئر", "گورنر", "ڈاکٹر", "سیکرٹری", "افسر",
           "شہری"),
    "ar": ("وزير", "الوزير", "رئيس", "الرئيس", "المتحدث", "الناطق", "مدير", "الطبيب", "الطبيبة", "الدكتور",
           "السفير", "النائب", "محافظ", "الأمين", "المسؤول", "الخبير"),
    "bn": ("মন্ত্রী", "শিক্ষামন্ত্রী", "প্রধানমন্ত্রী", "সভাপতি", "প্রশাসক", "গভর্নর", "মুখপাত্র", "চেয়ারম্যান",
           "বাসিন্দা", "নেতা", "কর্মকর্তা", "ডাক্তার"),
    "mr": ("महापौर", "आयुक्त", "मंत्री", "मुख्यमंत्री", "उमेदवार", "अध्यक्ष", "प्रवक्ता", "नेते", "अधिकारी",
           "प्रतिस्पर्धी", "डॉ."),
    "gu": ("મંત્રી", "મુખ્યમંત્રી", "ડૉક્ટર", "ડૉ.", "અધિકારી", "ખેડૂત", "પ્રમુખ", "પ્રવક્તા", "નેતા"),
}
_END = "।.!?؟۔\n"
_PUNCT = set(",،:;\"“”«»'‘’()" + _END)


@dataclass
class ScriptAct:
    """One speech construction: the speaker as named (or as resolved from a pronoun) and where it is."""

    speaker: str | None
    role: str | None
    mention: str
    span: tuple[int, int]  # the speaker phrase (or the pronoun)
    verb_span: tuple[int, int]
    clause: tuple[int, int] | None  # the reported clause after "कि" / "أن", when there is one


def _is_title(word: str, lang: str) -> bool:
    titles = _TITLES.get(lang, ())
    return word in titles or (lang in ("bn", "hi", "mr", "gu") and any(word.endswith(t) for t in titles if len(t) > 3))


def split_role(words: list[str], lang: str) -> tuple[str | None, str]:
    """('वित्त मंत्री', 'अनिल वर्मा') from 'वित्त मंत्री अनिल वर्मा'; Arabic titles keep their genitive
    ("وزير الصحة سامي الحداد" -> 'وزير الصحة', 'سامي الحداد')."""
    last = max((k for k, w in enumerate(words) if _is_title(w, lang)), default=-1)
    if last < 0:
        return None, " ".join(words)
    k = last + 1
    if lang == "ar":
        while k < len(words) - 1 and words[k].startswith("ال"):
            k += 1
    if lang == "ur" and words[last] in ("وزیر", "مشیر") and k < len(words) - 2:
        k += 1  # "وزیر صحت عارف ملک": the minister's portfolio follows the title (izafat)
    if k >= len(words):
        return " ".join(words), " ".join(words)
    return " ".join(words[:k]), " ".join(words[k:])


def _words_before(text: str, end: int, stops: set[str], limit: int = 4) -> tuple[int, list[str]]:
    """Up to ``limit`` words ending at ``end``, stopping at punctuation or a postposition."""
    words: list[str] = []
    pos = first = end
    for _ in range(limit):
        while pos > 0 and text[pos - 1] == " ":
            pos -= 1
        start = pos
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _PUNCT:
            start -= 1
        w = text[start:pos]
        if not w or w in stops or (start > 0 and text[start - 1] in _PUNCT and not w):
            break
        words.insert(0, w)
        pos = first = start
        if start == 0 or text[start - 1] in _PUNCT:
            break
    return first, words


def _clause_after(text: str, pos: int, lang: str) -> tuple[int, int] | None:
    m = re.match(r"\s*(?:ہے|है|تھا|था)?\s*(" + "|".join(_THAT[lang]) + r")\s+", text[pos : pos + 20])
    if not m:
        return None
    start = pos + m.end()
    end = start
    while end < len(text) and text[end] not in _END and text[end] not in "\"“«":
        end += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",،"):
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


_AGENT = {"hi": "ने", "ur": "نے", "mr": "यांनी"}


def _agents(text: str, lang: str, pronouns: set[str]) -> list[tuple[int, ScriptAct]]:
    """Named subjects of any verb ("अनिल वर्मा ने … की"), so a later "उन्होंने कहा" can point back to them."""
    if lang not in _AGENT:
        return []
    out = []
    stops = _BEFORE[lang][1]
    for m in re.finditer(r"(?<=\s)" + _AGENT[lang] + r"(?=\s)", text):
        end = m.start()
        while end > 0 and text[end - 1] == " ":
            end -= 1
        start, words = _words_before(text, end, stops)
        if len(words) >= 2 and words[0] not in pronouns:
            role, name = split_role(words, lang)
            if len(name.split()) >= 2:
                out.append((start, ScriptAct(name, role, " ".join(words), (start, end), m.span(), None)))
    return out


def script_acts(text: str, lang: str | None) -> list[ScriptAct]:
    """Every speech construction of ``text`` in text order, speakers resolved to the last one named."""
    if lang not in SCRIPT_LANGS:
        return []
    raw: list[tuple[int, int, int, int, list[str]]] = []  # verb start/end, phrase start/end, words
    if lang == "ar":
        for m in _AR_VERB.finditer(text):
            pos = m.end()
            words: list[str] = []
            while len(words) < 5:
                w = re.match(r"\s+([^\s,،:;.«»\"“”]+)", text[pos:])
                if not w or w.group(1) in _AR_STOP:
                    break
                words.append(w.group(1))
                pos += w.end()
            start = m.end() + (len(text[m.end():]) - len(text[m.end():].lstrip())) if words else m.end()
            raw.append((m.start(), m.end(), start, pos, words))
    else:
        pattern, stops, _ = _BEFORE[lang]
        for m in re.finditer(r"(?<![^\s,،])" + pattern if lang != "gu" else pattern, text):
            vs = m.start()
            end = vs
            while end > 0 and text[end - 1] == " ":
                end -= 1
            if m.groupdict().get("pro"):
                start, words, end = vs, [m.group("pro")], vs + len(m.group("pro"))
            else:
                start, words = _words_before(text, end, stops)
            if lang == "gu" and words and not text[vs:].startswith("એ") and words[-1].endswith("ે"):
                words[-1] = words[-1][:-1]  # "પટેલે કહ્યું": the ergative "-e" is glued to the name
            raw.append((vs, m.end(), start, end, words))
    acts: list[ScriptAct] = []
    last: ScriptAct | None = None
    pronouns = _BEFORE[lang][2] if lang in _BEFORE else set()
    agents = _agents(text, lang, pronouns)
    for vs, ve, ps, pe, words in raw:
        clause = _clause_after(text, pe if lang == "ar" else ve, lang)
        for pos, agent in agents:  # "अनिल वर्मा ने सोमवार को … घोषणा की। उन्होंने कहा": the subject before
            if pos < ps and (last is None or last.span[0] < pos):
                last = agent
        if not words or words[0] in pronouns:
            speaker, role = (last.speaker, last.role) if last else (None, None)
            act = ScriptAct(speaker, role, " ".join(words), (ps, pe) if words else (vs, ve), (vs, ve), clause)
        else:
            role, name = split_role(words, lang)
            if last is not None and last.speaker and len(words) == 1 and last.speaker.split()[-1] == name:
                name, role = last.speaker, last.role  # "नायर ने कहा" after "सुरेश नायर"
            act = ScriptAct(name, role, " ".join(words), (ps, pe), (vs, ve), clause)
        acts.append(act)
        if act.speaker:
            last = act
    return acts
