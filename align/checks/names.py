"""Names: people, places and organisations on one side and absent or different on the other.

Names are compared on transliteration-normalised forms (Novitchkova = Novichkova,
Overtchouk = Overchuk, Loukachenko = Lukashenko) with rapidfuzz, plus a small table of
exonyms that differ beyond any fuzz (Putin / Poutine, Moscow / Moscou, Beijing / Pékin).
A name is looked for in its own bead and its neighbours, so a misalignment is not a name
alarm.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from align.checks.base import CheckInput
from align.checks.config import DEFAULT_CONFIG, CheckConfig
from align.checks.evidence import one_line, words
from align.model import Finding, FindingType, Severity, finding_id

# English ↔ French forms that no transliteration rule reaches (normalised, both directions)
_EXONYMS: tuple[tuple[str, ...], ...] = (
    ("putin", "poutine"),
    ("moscow", "moscou"),
    ("beijing", "pekin"),
    ("belarus", "bielorussie", "belarus"),
    ("belarusian", "bielorusse"),
    ("germany", "allemagne"),
    ("german", "allemand", "allemande"),
    ("china", "chine"),
    ("chinese", "chinois", "chinoise"),
    ("japan", "japon"),
    ("england", "angleterre"),
    ("britain", "bretagne"),
    ("british", "britannique"),
    ("spain", "espagne"),
    ("greece", "grece"),
    ("turkey", "turquie"),
    ("egypt", "egypte"),
    ("india", "inde"),
    ("syria", "syrie"),
    ("crimea", "crimee"),
    ("poland", "pologne"),
    ("hungary", "hongrie"),
    ("austria", "autriche"),
    ("sweden", "suede"),
    ("norway", "norvege"),
    ("finland", "finlande"),
    ("netherlands", "pays-bas"),
    ("switzerland", "suisse"),
    ("algeria", "algerie"),
    ("morocco", "maroc"),
    ("brazil", "bresil"),
    ("mexico", "mexique"),
    ("america", "amerique"),
    ("american", "americain", "americaine"),
    ("africa", "afrique"),
    ("african", "africain", "africaine"),
    ("asia", "asie"),
    ("europe", "europe"),
    ("european", "europeen", "europeenne"),
    ("eurasia", "eurasie"),
    ("eurasian", "eurasien", "eurasienne"),
    ("petersburg", "petersbourg"),
    ("st", "saint"),
    ("kiev", "kyiv", "kiev"),
    ("lebanon", "liban"),
    ("jordan", "jordanie"),
    ("cuba", "cuba"),
    ("vietnam", "viet"),
    ("korea", "coree"),
    ("mongolia", "mongolie"),
    ("georgia", "georgie"),
    ("armenia", "armenie"),
    ("azerbaijan", "azerbaidjan"),
    ("kyrgyzstan", "kirghizistan", "kirghizstan"),
    ("tajikistan", "tadjikistan"),
    ("turkmenistan", "turkmenistan"),
    ("uzbekistan", "ouzbekistan"),
    ("kazakh", "kazakh", "kazakhe", "kazakhstanais"),
    ("russia", "russie"),
    ("russian", "russe", "russo"),
    ("ukrainian", "ukrainien", "ukrainienne"),
    ("siberia", "siberie"),
    ("caucasus", "caucase"),
    ("arctic", "arctique"),
    ("alexander", "alexandre"),
    ("nevsky", "nevski"),
    ("peter", "pierre"),
    ("catherine", "catherine"),
    ("nicholas", "nicolas"),
    ("michael", "michel"),
    ("paul", "paul"),
    ("john", "jean"),
    ("james", "jacques"),
    ("george", "georges"),
    ("kremlin", "kremlin"),
    ("duma", "douma"),
    ("kazakhstan", "kazakhstan"),
    ("ukraine", "ukraine"),
    ("iran", "iran"),
    ("israel", "israel"),
    ("serbia", "serbie"),
    ("mali", "mali"),
    ("venezuela", "venezuela"),
    ("donbass", "donbass", "donbas"),
    ("tass", "tass"),
    ("turkey", "turkiye", "turquie"),
    ("kirill", "cyrille"),
    ("cyril", "cyrille"),
    ("nato", "otan"),
    ("un", "onu"),
    ("eu", "ue"),
    ("cis", "cei"),
    ("eaeu", "uee"),
    ("sco", "ocs"),
    ("wto", "omc"),
    ("who", "oms"),
)

_EXONYM_OF: dict[str, frozenset[str]] = {}
for _group in _EXONYMS:
    for _form in _group:
        _EXONYM_OF[_form] = _EXONYM_OF.get(_form, frozenset()) | frozenset(_group)

# Rewrites that bring French and English transliterations of Russian names together.
_TRANSLIT = (
    ("chtch", "shch"),
    ("tch", "ch"),
    ("sh", "ch"),
    ("kh", "h"),
    ("ou", "u"),
    ("ïe", "ye"),
    ("ie", "ye"),
    ("ia", "ya"),
    ("iou", "yu"),
    ("dj", "j"),
    ("zh", "j"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("ff", "v"),
    ("ss", "s"),
    ("y", "i"),
    ("ï", "i"),
)


@lru_cache(maxsize=65536)
def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise_name(token: str) -> str:
    """Lower-case, accent-free, transliteration-folded form of one word of a name."""
    folded = token.casefold().replace("’", "'")
    folded = re.sub(r"^(?:l|d)'", "", folded)  # "d'Alexandre", "l'Ouzbékistan"
    folded = re.sub(r"'s$", "", folded)
    folded = folded.replace("ïe", "ye").replace("ï", "i")
    folded = strip_accents(folded)
    folded = re.sub(r"^ye", "e", folded)  # Yevgeny / Evgueni, Yeltsin / Eltsine
    folded = folded.replace("gue", "ge").replace("gui", "gi")  # Guerassimov / Gerasimov
    for old, new in _TRANSLIT:
        folded = folded.replace(old, new)
    return re.sub(r"[^a-z0-9]", "", folded)


@lru_cache(maxsize=65536)
def _plain(token: str) -> str:
    folded = strip_accents(token.casefold().replace("’", "'"))
    folded = re.sub(r"^(?:l|d)'", "", folded)
    return re.sub(r"'s$", "", folded)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that are not names (titles, function words at the head of a sentence,
# months, days, institutions' generic words): English and French.
_NOT_NAMES_RAW = _word_set(
    """
    i a an the this that these those there their they them he she it its we our us you your
    my me mr mrs ms dr sir madam colleagues friends ladies gentlemen question questions answer
    president prime minister ministers deputy governor chairman chair director head chief
    general secretary ambassador mayor patriarch his holiness excellency majesty
    government federation republic state states council ministry committee commission
    forum centre center agency service fund bank company corporation institute academy
    university school society church union assembly parliament court office department
    national international federal regional municipal central public open joint
    first second third new great high supreme russian english french
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    and but or so yet for of in on at to from by with as if when while after before since
    because although though however therefore thus also still then now today yesterday here
    what which who whom whose why how where all any some many much more most no not yes
    one two three four five six seven eight nine ten thank thanks please good well okay ok
    let lets allow may might can could would should will shall must do does did is are was
    were be been being have has had
    le la les l un une des du de d et ou mais donc or ni car je tu il elle on nous vous ils
    elles ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
    qui que quoi dont ou quand comment pourquoi si aussi ainsi alors puis enfin cependant
    merci bonjour monsieur madame mesdames messieurs chers cher chères collègues amis
    président premier ministre ministres vice gouverneur directeur directrice chef général
    secrétaire ambassadeur maire patriarche sa sainteté excellence majesté
    gouvernement fédération république état états conseil ministère comité commission
    centre agence service fonds banque société institut académie université école église
    assemblée parlement cour bureau département national nationale international
    internationale fédéral fédérale régional régionale public publique
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    à au aux en dans sur sous par pour avec sans chez vers entre contre depuis pendant
    après avant selon tout tous toute toutes chaque plusieurs certains aujourd hier ici
    oui non est sont était été être avoir a ont avait fait faire peut doit
    accord traité siècle patrie saint sainte fidèle orthodoxe armée forces marine douma
    kremlin photo sur fatherland
    affaires étrangères étrangère intérieur intérieure défense santé finances justice culture
    sports transports énergie agriculture industrie commerce développement économie
    économique économiques sciences éducation travail urgence urgences situations relations
    extérieures ressources naturelles construction numérique héros ordre médaille
    """
)
_NOT_NAMES = frozenset(strip_accents(w) for w in _NOT_NAMES_RAW)


def _french_forms(name: str) -> set[str]:
    """A French name of a country, language or city with its plural and feminine forms, as
    French writes the adjective ("turc", "turcs", "turque"; "kazakh", "kazakhe")."""
    forms = {name, name + "s"}
    if name.endswith("c"):
        forms |= {name[:-1] + "que", name[:-1] + "ques", name + "que"}
    elif name.endswith("en"):
        forms |= {name + "ne", name + "nes"}
    elif not name.endswith("e"):
        forms |= {name + "e", name + "es"}
    return forms


def _gazetteer_form(name: str) -> str:
    return strip_accents(name.casefold().replace("’", "'"))


_ZONE_AREAS = (
    "Africa/",
    "America/",
    "Antarctica/",
    "Arctic/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, ...], ...]:
    """English ↔ French names of countries, languages (≈ nationality adjectives: Turkish /
    turc) and cities of the CLDR data that babel ships; one-word names only. Cities: the
    French exemplar cities of the time zones (Moscou, Pékin); a zone's English city is its
    own override, else the zone id's last part (Europe/Minsk → Minsk)."""
    from zoneinfo import available_timezones

    from babel import Locale

    en, fr = Locale("en"), Locale("fr")
    groups: list[tuple[str, ...]] = []
    for table_en, table_fr in ((en.territories, fr.territories), (en.languages, fr.languages)):
        for code, english in table_en.items():
            french = table_fr.get(code)
            if table_en is en.territories and english[:1].islower():
                continue  # CLDR writes "world" (region 001) as a common noun: not a name
            if french and " " not in english and " " not in french:
                forms = sorted(_gazetteer_form(f) for f in _french_forms(french))
                groups.append((_gazetteer_form(english), *forms))
    for zone in sorted(available_timezones()):
        if not zone.startswith(_ZONE_AREAS):
            continue  # legacy aliases: US/Eastern, Canada/Atlantic, Australia/North
        english = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1]
        french = fr.time_zones.get(zone, {}).get("city") or english
        english = english.replace("_", " ")
        if " " in english or " " in french:
            continue
        if english == french and is_common_word(_gazetteer_form(english), "en"):
            continue  # America/Phoenix, Australia/Darwin: a word before a city
        groups.append((_gazetteer_form(english), _gazetteer_form(french)))
    return tuple(g for g in groups if all(len(f) >= 3 for f in g))


@lru_cache(maxsize=1)
def _names_of_places() -> dict[str, frozenset[str]]:
    """The exonym table above, extended with the gazetteer: each form → its group."""
    table: dict[str, frozenset[str]] = dict(_EXONYM_OF)
    for group in _gazetteer():
        for form in group:
            table[form] = table.get(form, frozenset()) | frozenset(group)
    return table


@lru_cache(maxsize=65536)
def is_common_word(word: str, lang: str, zipf: float = DEFAULT_CONFIG.name_common_zipf) -> bool:
    """A word of the language's dictionary (simplemma) that is also frequent (wordfreq Zipf
    at least `zipf`): capitalised, it is a title or an institution's word ("Treaty",
    "Amendments", "Parquet") that a translator translates, not a name to spell alike."""
    folded = word.casefold()
    frequency = zipf_frequency(folded, lang)
    if frequency < zipf:
        return False
    try:
        if simplemma.is_known(folded, lang=lang):
            return True
    except ValueError:
        return False
    # simplemma's French table lacks the invariable nouns ("palais", "pays", "temps")
    return lang == "fr" and folded.endswith(("s", "x", "z")) and frequency >= zipf + 0.5


#: Currency codes are units, not names ("USD" → "dollars").
_CURRENCY_CODES = frozenset({"usd", "eur", "rub", "gbp", "cny", "jpy", "kzt", "chf", "uah", "byn"})


def is_checkable(token: str, lang: str = "en") -> bool:
    """A capitalised word worth looking for on the other side: a known name (exonym table,
    countries, languages and cities), or a word that is no common word of its language (a
    transliterated name, an acronym)."""
    plain = strip_accents(_plain(token))
    if plain in _names_of_places():
        return True
    if "-" in plain:
        return all(is_checkable(part, lang) for part in token.split("-") if part)
    if plain in _CURRENCY_CODES or plain in _NOT_NAMES:
        return False
    return not is_common_word(plain, lang)


@dataclass(frozen=True)
class Name:
    text: str  # as written, possibly several words ("Alexei Likhachev")
    tokens: tuple[str, ...]  # its capitalised words


_ROMAN = re.compile(r"[IVXLC]+(?:e|er|ème|eme|re|th|st|nd|rd)?")


def _is_name_word(token: str) -> bool:
    if not token[:1].isupper() or len(token) < 3:
        return False
    if re.search(r"[’']", token) and _plain(re.split(r"[’']", token)[0]) in _NOT_NAMES:
        return False  # contractions: "I'm", "It's"
    if _ROMAN.fullmatch(token):
        return False  # centuries and ordinals: "XXIe", "IIIe"; numbers are another check's
    if token.isupper() and len(token) <= 6:
        return True  # acronyms: BRICS, CSTO, OTSC
    return strip_accents(_plain(token)) not in _NOT_NAMES


def extract_names(text: str, known: frozenset[str] | None = None, lang: str = "en") -> list[Name]:
    """Runs of capitalised words that are not titles or function words, kept when one of
    their words is worth checking (`is_checkable`); `tokens` holds those words.

    A sentence-initial capitalised word counts only when `known` (the event's words seen
    capitalised inside a sentence) holds it; with `known` None, it never counts.
    """
    names: list[Name] = []
    run: list[str] = []

    def close() -> None:
        checkable = tuple(t for t in run if is_checkable(t, lang))
        if checkable:
            names.append(Name(" ".join(run), checkable))
        run.clear()

    starts = {m.start(1) for m in re.finditer(r"(?:^|[.!?«»\"“”:(\[—–])\s*(\w)", text)}
    for match in re.finditer(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*", text):
        token = match.group(0)
        core = re.sub(r"^(?:[lLdD][’'])", "", token)
        initial = match.start() in starts
        if _is_name_word(core) and (not initial or (known is not None and _plain(core) in known)):
            run.append(core)
            continue
        close()
    close()
    return names


def _capitalised_inside(text: str) -> set[str]:
    starts = {m.start(1) for m in re.finditer(r"(?:^|[.!?«»\"“”:(\[—–])\s*(\w)", text)}
    return {
        _plain(m.group(0))
        for m in re.finditer(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*", text)
        if m.start() not in starts and _is_name_word(m.group(0))
    }


def inner_capitalised(texts: Iterable[str]) -> frozenset[str]:
    """Words seen capitalised inside a sentence: names, even where they open one."""
    return frozenset(w for text in texts for w in _capitalised_inside(text))


def _same_stem(a: str, b: str) -> bool:
    """Derived forms: "russia"/"russian", "kazakhstan"/"kazakhstanaises"."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 5:
        return False
    common = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), shorter)
    return common >= 5 and common >= 0.75 * shorter


def _acronym(token: str) -> bool:
    return 2 <= len(token) <= 6 and token.isupper() and token.isalpha()


def _without_final_vowels(norm: str) -> str:
    """French and English country and given names often differ only in their last vowels:
    Libye / Libya, Syrie / Syria, Maria / Marie."""
    return re.sub(r"[aeiou]+$", "", norm)


def token_match(token: str, candidates: Sequence[str], config: CheckConfig) -> tuple[str, float]:
    """The best candidate word for one name word, and its score (0–100)."""
    plain = _plain(token)
    if _acronym(token):
        # French acronyms reorder the English letters: OTSC = CSTO, OCS = SCO
        letters = sorted(token)
        for candidate in candidates:
            bare = re.sub(r"^[lLdD][’']", "", candidate)  # "l’OTSC"
            if _acronym(bare) and sorted(bare) == letters:
                return candidate, 100.0
    exonyms = _names_of_places().get(strip_accents(plain), frozenset())
    norm = normalise_name(token)
    best, best_score = "", 0.0
    for candidate in candidates:
        cplain = strip_accents(_plain(candidate))
        if cplain == plain or any(_same_stem(cplain, form) for form in exonyms):
            return candidate, 100.0
        cnorm = normalise_name(candidate)
        if not cnorm or not norm:
            continue
        score = fuzz.ratio(norm, cnorm)
        stem, cstem = _without_final_vowels(norm), _without_final_vowels(cnorm)
        if len(stem) >= 3 and stem == cstem:
            score = max(score, 90.0)
        # inflected or derived forms: "Kazakhstan" ~ "kazakhstanais", "Russia" ~ "Russie"
        if (
            len(norm) >= 5
            and len(cnorm) >= 5
            and (cnorm.startswith(norm) or norm.startswith(cnorm))
        ):
            score = max(score, 90.0)
        if score > best_score:
            best, best_score = candidate, score
    return best, best_score


@dataclass(frozen=True)
class NameMatch:
    name: Name
    matched: tuple[tuple[str, str, float], ...]  # (word, best counterpart, score)
    unmatched: tuple[tuple[str, str, float], ...]


def match_name(name: Name, other_text: str, config: CheckConfig) -> NameMatch:
    candidates = list(dict.fromkeys(words(other_text)))  # each distinct word once
    candidates += [part for c in candidates if "-" in c for part in c.split("-")]
    matched, unmatched = [], []
    # a word close to its counterpart but short of a transliteration is spelled differently
    same = max(config.name_match_score, config.name_same_score)
    for token in name.tokens:
        if "-" in token:
            parts = [token_match(p, candidates, config) for p in token.split("-") if p]
            score = min(score for _, score in parts)
            entry = (token, "-".join(best for best, _ in parts), round(score, 1))
            (matched if score >= same else unmatched).append(entry)
            continue
        best, score = token_match(token, candidates, config)
        entry = (token, best, round(score, 1))
        (matched if score >= same else unmatched).append(entry)
    return NameMatch(name, tuple(matched), tuple(unmatched))


#: At most this many distinct names of a bead's side are looked for on the other side: each
#: is compared with every word there, so a pathological bead (a list of a thousand names)
#: would cost seconds; a real sentence has a handful.
MAX_NAMES_PER_BEAD = 100


def _distinct(names: list[Name]) -> list[Name]:
    """A name written twice in a bead is judged once (its findings would be the same)."""
    return list({name.text: name for name in names}.values())[:MAX_NAMES_PER_BEAD]


class NameCheck:
    """A name on one side that the other side (this bead or its neighbours) lacks."""

    name = "name"

    def __init__(self, config: CheckConfig = DEFAULT_CONFIG, neighbours: int = 1) -> None:
        self.config = config
        self.neighbours = neighbours

    def run(self, data: CheckInput) -> list[Finding]:
        findings: list[Finding] = []
        en_common = inner_capitalised(s.text for s in data.en)
        fr_common = inner_capitalised(s.text for s in data.fr)
        beads = data.beads
        for position, bead in enumerate(beads):
            if not (bead.fr and bead.en):
                continue
            lo, hi = (
                max(0, position - self.neighbours),
                min(len(beads), position + self.neighbours + 1),
            )
            fr_near = " ".join(data.fr[i].text for b in beads[lo:hi] for i in b.fr)
            en_near = " ".join(data.en[i].text for b in beads[lo:hi] for i in b.en)
            en_here = " ".join(data.en[i].text for i in bead.en)
            fr_here = " ".join(data.fr[i].text for i in bead.fr)
            english = [
                r
                for name in _distinct(extract_names(en_here, en_common, "en"))
                if (r := match_name(name, fr_near, self.config)).unmatched
            ]
            french = [
                r
                for name in _distinct(extract_names(fr_here, fr_common, "fr"))
                if (r := match_name(name, en_near, self.config)).unmatched and not r.matched
            ]
            # a name wholly unmatched on each side of one bead: one finding for the pair
            # (a translated name such as Hatter / Chapelier, or a substituted one)
            lone_en = [r for r in english if not r.matched]
            pairs = list(zip(lone_en, french, strict=False))
            paired = {id(r) for pair in pairs for r in pair}
            for en_result, fr_result in pairs:
                findings.append(self._pair(bead.fr, bead.en, en_result, fr_result))
            for r in english:
                if id(r) not in paired:
                    findings.append(self._finding(data, bead.fr, bead.en, r, "en", fr_here))
            for r in french:
                if id(r) not in paired:
                    findings.append(self._finding(data, bead.fr, bead.en, r, "fr", en_here))
        return findings

    def _pair(self, fr, en, english: NameMatch, french: NameMatch) -> Finding:
        en_name, fr_name = english.name.text, french.name.text
        return Finding(
            id=finding_id(FindingType.NAME, "pair", en_name, fr_name),
            type=FindingType.NAME,
            severity=Severity.LOW,
            confidence=0.45,
            fr=tuple(fr),
            en=tuple(en),
            message=f"English name “{en_name}” appears in the French as “{fr_name}”? They do "
            "not match: a translated or a substituted name",
            details={
                "side": "both",
                "name": en_name,
                "fr_name": fr_name,
                "unmatched": [
                    {"word": w, "closest": b, "score": s}
                    for w, b, s in english.unmatched + french.unmatched
                ],
                "match_score_threshold": self.config.name_match_score,
            },
        )

    def _finding(self, data, fr, en, result: NameMatch, side: str, other_here: str) -> Finding:
        config = self.config
        near = [u for u in result.unmatched if u[2] >= config.name_near_score]
        absent = [u for u in result.unmatched if u[2] < config.name_near_score]
        name = result.name.text
        other = "French" if side == "en" else "English"
        own = "English" if side == "en" else "French"
        if absent:
            what = ", ".join(u[0] for u in absent)
            message = f"{own} name “{name}” has no counterpart in the {other} ({what} not found)"
            # French renders many acronyms by its own (GDP / PIB, SMEs / PME): weak evidence
            acronyms = all(_acronym(u[0]) for u in absent)
            severity = (
                Severity.MEDIUM
                if side == "en" and not result.matched and not acronyms
                else Severity.LOW
            )
            confidence = 0.7 if not result.matched else 0.55
        else:
            pairs = ", ".join(f"{u[0]} ≠ {u[1]}" for u in near)
            message = f"{own} name “{name}” is spelled differently in the {other}: {pairs}"
            severity = Severity.LOW
            confidence = 0.5
        return Finding(
            id=finding_id(FindingType.NAME, side, name, other_here),
            type=FindingType.NAME,
            severity=severity,
            confidence=confidence,
            fr=tuple(fr),
            en=tuple(en),
            message=message,
            details={
                "side": side,
                "name": name,
                "matched": [{"word": w, "as": b, "score": s} for w, b, s in result.matched],
                "unmatched": [
                    {"word": w, "closest": b, "score": s} for w, b, s in result.unmatched
                ],
                "other_text": one_line(other_here, 200),
                "match_score_threshold": config.name_match_score,
            },
        )
