"""Builds `result.json`, the report's fixture: a realistic result of `fidelity check`.

French sentences come from the seeds in corpus/; the English renderings were written for this
fixture. Run `python tests/data/report/build_fixture.py` to regenerate after an edit here.
Finding ids use `align.model.finding_id`, as the pipeline does.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from align.model import finding_id

HERE = Path(__file__).resolve().parent

Num = tuple[str, str, str]  # raw as written, parsed value, kind


def sentences(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows of (text, kind, block, speaker, numbers) -> the JSON sentences with number spans."""
    out = []
    for i, (text, kind, block, speaker, nums) in enumerate(rows):
        numbers, cursor = [], 0
        for raw, value, nkind in nums:
            start = text.index(raw, cursor)
            numbers.append(
                {"start": start, "end": start + len(raw), "raw": raw, "value": value, "kind": nkind}
            )
            cursor = start + len(raw)
        item = {"id": i, "text": text, "block": block, "speaker": speaker, "numbers": numbers}
        if kind is not None:
            item["kind"] = kind
        out.append(item)
    return out


def fr(
    text: str,
    kind: str = "body",
    block: int = 0,
    speaker: str | None = None,
    nums: tuple[Num, ...] = (),
) -> tuple[Any, ...]:
    return (text, kind, block, speaker, nums)


def en(
    text: str, block: int = 0, speaker: str | None = None, nums: tuple[Num, ...] = ()
) -> tuple[Any, ...]:
    return (text, None, block, speaker, nums)


def finding(row: tuple[Any, ...], fr_s: list[dict], en_s: list[dict]) -> dict:
    """A finding row (type, severity, confidence, fr ids, en ids, message, details[, id]):
    its id from `finding_id` unless the row gives one."""
    ftype, severity, confidence, frs, ens, message, details, *given = row
    texts = [fr_s[i]["text"] for i in frs] + [en_s[i]["text"] for i in ens]
    return {
        "id": given[0] if given else finding_id(ftype, *texts),
        "type": ftype,
        "severity": severity,
        "confidence": confidence,
        "fr": frs,
        "en": ens,
        "message": message,
        "details": details,
    }


Word = tuple[str, str | None, float, str]  # English words, French words (None: unlinked), score, by


def word_links(
    words: list[Word], fr_id: int, en_id: int, fr_s: list[dict], en_s: list[dict]
) -> list[dict[str, Any]]:
    """Word links as `align.words` writes them: spans of the first occurrence of each text in
    the bead's first English and French sentence."""
    out = []
    for en_words, fr_words, score, by in words:
        start = en_s[en_id]["text"].index(en_words)
        link: dict[str, Any] = {"en": [en_id, [start, start + len(en_words)]], "fr": None}
        if fr_words is not None:
            at = fr_s[fr_id]["text"].index(fr_words)
            link["fr"] = [fr_id, [at, at + len(fr_words)]]
        out.append({**link, "score": score, "by": by})
    return out


def beads(rows: list[tuple[Any, ...]], fr_s: list[dict], en_s: list[dict]) -> list[dict[str, Any]]:
    """Bead rows (fr ids, en ids, score[, word links])."""
    out = []
    for f, e, s, *words in rows:
        bead: dict[str, Any] = {"fr": f, "en": e, "score": s}
        if words:
            bead["links"] = word_links(words[0], f[0], e[0], fr_s, en_s)
        out.append(bead)
    return out


def summary(en_s: list[dict], alignment: list[dict], findings: list[dict]) -> dict[str, Any]:
    covered = {i for b in alignment if b["fr"] for i in b["en"]}
    counts: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for f in findings:
        counts[f["type"]] = counts.get(f["type"], 0) + 1
        by_severity[f["severity"]] = by_severity.get(f["severity"], 0) + 1
    coverage = round(len(covered) / len(en_s), 3) if en_s else None
    return {"coverage": coverage, "counts": counts, "by_severity": by_severity}


def event(
    index: int,
    title: str,
    title_en: str | None,
    date: str,
    time: str | None,
    place: str | None,
    url: str | None,
    status: str,
    detail: str,
    original: dict | None,
    fr_rows: list,
    en_rows: list,
    bead_rows: list,
    finding_rows: list,
) -> dict[str, Any]:
    fr_s, en_s = sentences(fr_rows), sentences(en_rows)
    alignment = beads(bead_rows, fr_s, en_s)
    findings = [finding(row, fr_s, en_s) for row in finding_rows]
    return {
        "index": index,
        "title": title,
        "title_en": title_en,
        "date": date,
        "time": time,
        "place": place,
        "source_url": url,
        "source_status": status,
        "source_detail": detail,
        "original": original,
        "fr_sentences": fr_s,
        "en_sentences": en_s,
        "alignment": alignment,
        "findings": findings,
        "summary": summary(en_s, alignment, findings),
    }


def original(
    url: str,
    title: str,
    date: str,
    time: str | None,
    place: str | None,
    provenance: str,
    fetched_at: str,
    lead: str | None = None,
) -> dict[str, Any]:
    return {
        "url": url,
        "title": title,
        "date": date,
        "time": time,
        "place": place,
        "lead": lead,
        "provenance": provenance,
        "fetched_at": fetched_at,
    }


#: The reviewer's glossary of the run (`--glossary house.tsv`): line, accepted, forbidden, note.
GLOSSARY_FILE = "house.tsv"
GLOSSARY: dict[str, tuple[int, list[str], list[str], str | None]] = {
    "strategic partnership": (2, ["partenariat stratégique"], [], None),
    "Federal Assembly": (
        3,
        ["Assemblée fédérale"],
        ["Parlement fédéral"],
        "the Russian parliament: State Duma and Federation Council",
    ),
    "executive order": (4, ["décret"], [], "a ukaz of the President"),
    "law enforcement": (5, ["forces de l’ordre"], [], None),
}


def glossary_line(term: str) -> dict[str, Any]:
    """A glossary entry as the terminology check writes it into findings and summaries."""
    line, accepted, forbidden, note = GLOSSARY[term]
    return {
        "file": GLOSSARY_FILE,
        "line": line,
        "entry": f"{term} → " + " | ".join(accepted),
        "accepted": accepted,
        "forbidden": forbidden,
        "note": note,
    }


KREMLIN = "http://en.kremlin.ru/events/president/news/"
VP, Q, K, VP2 = "Vladimir Poutine", "Question", "D. Kisseliov", "V. Poutine"
VP_EN, Q_EN, K_EN = "Vladimir Putin", "Question", "Dmitry Kiselyov"

# --- 002: 8 November 2023 ------------------------------------------------------------------
interview = event(
    1,
    "Interview au journal Kazakhstanskaya Pravda",
    "Article for Kazakhstanskaya Pravda",
    "8 novembre 2023",
    None,
    None,
    KREMLIN + "72681",
    "cached",
    "read from the fetch cache (first fetched live on 2025-11-20)",
    original(
        KREMLIN + "72681",
        "Interview to Kazakhstanskaya Pravda newspaper",
        "2023-11-08",
        "09:00",
        None,
        "cache",
        "2025-11-20T09:14:03Z",
    ),
    [
        fr("1", "other", 0),
        fr(
            "Depuis plus de 30 ans, les relations entre le Kazakhstan et la Russie ont atteint un "
            "niveau élevé de coopération stratégique et se développent de manière dynamique.",
            "turn",
            1,
            Q,
            (("30", "30", "integer"),),
        ),
        fr(
            "Grâce à quels mécanismes et instruments de tels résultats pourraient-ils être "
            "obtenus ?",
            "turn",
            1,
            Q,
        ),
        fr("Que fait-on pour promouvoir davantage la coopération ?", "turn", 1, Q),
        fr(
            "En effet, le partenariat Kazakhstan-Russie est particulièrement privilégié et "
            "décline rapidement à l’heure actuelle.",
            "turn",
            2,
            VP,
        ),
        fr(
            "Elle repose sur les principes de respect mutuel, de reconnaissance de la "
            "souveraineté, d’intégrité territoriale et de non-ingérence dans les affaires "
            "intérieures.",
            "turn",
            2,
            VP,
        ),
        fr(
            "Une vaste base juridique (près de 350 documents régissant les relations entre nos "
            "pays) le prouve notamment.",
            "turn",
            2,
            VP,
            (("350", "350", "integer"),),
        ),
        fr(
            "Nous bénéficions des mécanismes de communication inter-étatiques les plus "
            "polyvalents.",
            "body",
            3,
            VP,
        ),
        fr(
            "Tout d’abord, les liens entre les administrations présidentielles, les ministères "
            "des Affaires étrangères, les organes chargés de l’application des lois et de la "
            "justice et les parlements.",
            "body",
            3,
            VP,
        ),
        fr(
            "Apparemment, la Commission intergouvernementale pour la coopération "
            "Kazakhstan-Russie, dirigée par les vice-présidents du gouvernement (Alexeï Overchuk "
            "et Serik Zhumangarin), joue un rôle important.",
            "body",
            4,
            VP,
        ),
        fr(
            "Sa réunion régulière et très productive a eu lieu il y a une semaine (30 et 31 "
            "octobre) dans l’ancienne ville du Turkestan.",
            "body",
            4,
            VP,
            (("30 et 31 octobre", "10-30..10-31", "date_range"),),
        ),
        fr(
            "Je voudrais surtout souligner le bon taux de croissance du chiffre d’affaires des "
            "échanges commerciaux mutuels.",
            "body",
            5,
            VP,
        ),
        fr(
            "L’année dernière, il a augmenté de 10,2% pour atteindre 28,2 milliards de dollars.",
            "body",
            5,
            VP,
            (
                ("10,2%", "10.2", "percent"),
                ("28,2 milliards de dollars", "28200000000 USD", "currency"),
            ),
        ),
        fr(
            "record, et en janvier-août, il a augmenté de 7,6% de plus pour atteindre 18,9 "
            "milliards de dollars.",
            "body",
            5,
            VP,
            (
                ("7,6%", "7.6", "percent"),
                ("18,9 milliards de dollars", "18900000000 USD", "currency"),
            ),
        ),
        fr(
            "La Russie est l’un des principaux investisseurs dans l’économie du Kazakhstan.",
            "body",
            6,
            VP,
        ),
        fr(
            "Les investissements russes accumulés au Kazakhstan s’élèvent à environ 17 milliards "
            "de dollars.",
            "body",
            6,
            VP,
            (("environ 17 milliards de dollars", "~17000000000 USD", "currency"),),
        ),
        fr(
            "Environ 6.000 entreprises à participation russe opèrent dans la République.",
            "body",
            6,
            VP,
            (("6.000", "6000", "integer"),),
        ),
        fr(
            "La frontière terrestre la plus longue du monde (7.598 km) nous aide à interagir avec "
            "succès, renforçant ainsi la coopération interrégionale.",
            "body",
            7,
            VP,
            (("7.598 km", "7598 km", "quantity"),),
        ),
        fr(
            "Par exemple, 76 des 89 sujets de la Fédération de Russie développent une coopération "
            "efficace avec les akimates du Kazakhstan.",
            "body",
            7,
            VP,
            (("76", "76", "integer"), ("89", "89", "integer")),
        ),
    ],
    [
        en(
            "For more than 30 years, relations between Kazakhstan and Russia have reached a high "
            "level of strategic partnership and have been developing dynamically.",
            0,
            Q_EN,
            (("30", "30", "integer"),),
        ),
        en(
            "What mechanisms and instruments made these results possible, and what is being done "
            "to further promote cooperation?",
            0,
            Q_EN,
        ),
        en(
            "Indeed, the Kazakhstan-Russia partnership is particularly privileged and is "
            "developing actively at the present time.",
            1,
            VP_EN,
        ),
        en(
            "It is based on the principles of mutual respect, recognition of sovereignty, "
            "territorial integrity and non-interference in internal affairs.",
            1,
            VP_EN,
        ),
        en(
            "An extensive legal framework of more than 350 documents governing relations between "
            "our countries is proof of that.",
            1,
            VP_EN,
            (("350", "350", "integer"),),
        ),
        en("We have the most versatile mechanisms of interstate communication.", 2, VP_EN),
        en(
            "First of all, there are the ties between the presidential administrations, foreign "
            "ministries, law enforcement and judicial bodies, and parliaments.",
            2,
            VP_EN,
        ),
        en(
            "Naturally, the Intergovernmental Commission for Kazakhstan-Russia Cooperation, "
            "co-chaired by Deputy Prime Ministers Alexei Overchuk and Serik Zhumangarin, plays an "
            "important role.",
            3,
            VP_EN,
        ),
        en(
            "Its regular and very productive meeting took place a week ago, on October 30–31, in "
            "the ancient city of Turkestan, where the parties agreed on a work plan for 2024.",
            3,
            VP_EN,
            (("October 30–31", "10-30..10-31", "date_range"), ("2024", "2024", "year")),
        ),
        en("I would especially like to highlight the good growth rate of mutual trade.", 4, VP_EN),
        en(
            "Last year it grew by 10.2 percent to reach a record 28.2 billion US dollars, and in "
            "January–August it grew by another 7.6 percent to 18.9 billion US dollars.",
            4,
            VP_EN,
            (
                ("10.2 percent", "10.2", "percent"),
                ("28.2 billion US dollars", "28200000000 USD", "currency"),
                ("7.6 percent", "7.6", "percent"),
                ("18.9 billion US dollars", "18900000000 USD", "currency"),
            ),
        ),
        en("Russia is one of the main investors in Kazakhstan’s economy.", 5, VP_EN),
        en(
            "Accumulated Russian investment in Kazakhstan amounts to around 17 billion US dollars.",
            5,
            VP_EN,
            (("around 17 billion US dollars", "~17000000000 USD", "currency"),),
        ),
        en(
            "About 6,000 companies with Russian participation operate in the republic.",
            5,
            VP_EN,
            (("6,000", "6000", "integer"),),
        ),
        en(
            "The world’s longest continuous land border, at 7,598 kilometres, helps us interact "
            "successfully and strengthens interregional cooperation.",
            6,
            VP_EN,
            (("7,598 kilometres", "7598 km", "quantity"),),
        ),
        en(
            "For example, 76 of the 89 constituent entities of the Russian Federation cooperate "
            "effectively with the akimats of Kazakhstan.",
            6,
            VP_EN,
            (("76", "76", "integer"), ("89", "89", "integer")),
        ),
        en(
            "The general public and the business communities of both countries are actively "
            "promoting these positive processes.",
            6,
            VP_EN,
        ),
    ],
    [
        ([1], [0], 0.88),
        ([2, 3], [1], 0.81),
        ([4], [2], 0.9),
        ([5], [3], 0.92),
        ([6], [4], 0.86),
        ([7], [5], 0.79),
        ([8], [6], 0.84),
        ([9], [7], 0.52),
        ([10], [8], 0.71),
        ([11], [9], 0.83),
        ([12, 13], [10], 0.87),
        ([14], [11], 0.91),
        ([15], [12], 0.89),
        ([16], [13], 0.9),
        ([17], [14], 0.85),
        ([18], [15], 0.88),
        ([], [16], 0.0),
    ],
    [
        (
            "mistranslation",
            "medium",
            0.62,
            [9],
            [7],
            "Similarity 0.52 is unusually low for this document (median 0.87): « Apparemment » "
            "(seemingly) renders “Naturally”",
            {"score": 0.52, "document_median": 0.87, "z": -3.1},
        ),
        (
            "partial_omission",
            "medium",
            0.7,
            [10],
            [8],
            "A clause of the English is not in the French: “where the parties agreed on a work "
            "plan for 2024”",
            {"clause": "where the parties agreed on a work plan for 2024", "clause_score": 0.18},
        ),
        (
            "number",
            "low",
            0.8,
            [10],
            [8],
            "2024 in the English has no French counterpart",
            {
                "en": {"raw": "2024", "value": "2024", "kind": "year"},
                "fr": None,
                "relation": "missing in French",
            },
        ),
        (
            "omission",
            "high",
            0.85,
            [],
            [16],
            "English sentence with no French counterpart",
            {"best_score": 0.31, "nearest_fr": 18},
        ),
        (
            "direction",
            "medium",
            0.75,
            [4],
            [2],
            "The English says “developing”, the French “décline” (declines): opposite directions",
            {
                "en_word": "developing",
                "fr_word": "décline",
                "en_direction": "up",
                "fr_direction": "down",
                "lexicon": "polarity",
            },
            "3a8f6c2d9e0b1f33",
        ),
        (
            "qualifier",
            "medium",
            0.7,
            [6],
            [4],
            "The English says “more than 350”, the French “près de 350” (nearly): the qualifier "
            "differs",
            {
                "en_qualifier": "more than",
                "fr_qualifier": "près de",
                "en_meaning": "at least",
                "fr_meaning": "at most",
                "value": 350,
                "approximate": False,
            },
            "9d2e4b6a8c0f1e44",
        ),
        (
            "terminology",
            "medium",
            0.9,
            [1],
            [0],
            "'strategic partnership' should be 'partenariat stratégique' (glossary line 2); here "
            "'coopération stratégique'",
            {
                "kind": "glossary",
                "term": "strategic partnership",
                "expected": "partenariat stratégique",
                "used": "coopération stratégique",
                "glossary": glossary_line("strategic partnership"),
            },
            "1f4e7d2c5b8a9e55",
        ),
        (
            "terminology",
            "medium",
            0.9,
            [8],
            [6],
            "'law enforcement' should be 'forces de l’ordre' (glossary line 5); the French has "
            "none of them",
            {
                "kind": "glossary",
                "term": "law enforcement",
                "expected": "forces de l’ordre",
                "used": None,
                "glossary": glossary_line("law enforcement"),
            },
        ),
    ],
)

zhang = event(
    4,
    "Rencontre avec le vice-président de la Commission militaire centrale chinoise Zhang Youxia",
    None,
    "8 novembre 2023",
    "15h05",
    "Novo-Ogaryovo-région de Moscou",
    KREMLIN + "72687",
    "unavailable",
    "kremlin.ru did not answer (DNS lookup failed); no cached copy; no snapshot on web.archive.org",
    None,
    [
        fr(
            "Le Président a reçu le vice-président de la Commission militaire centrale de Chine, "
            "Zhang Youxia, à la résidence Novo-Ogaryovo, près de Moscou.",
            "body",
            0,
        ),
        fr(
            "1 Avant une rencontre avec le vice-président de la Commission militaire centrale "
            "chinoise, Zhang Youxia.",
            "caption",
            1,
        ),
        fr(
            "Le ministre russe de la Défense Sergueï Choïgu était également présent à la réunion.",
            "body",
            2,
        ),
        fr(
            "2 Zhang Youxia, vice-président de la Commission militaire centrale chinoise (à "
            "gauche) et Sergueï Choïgu, ministre russe de la Défense. Photo : Sergueï Bobylev, "
            "TASS",
            "caption",
            3,
        ),
        fr("camarade Zhang Youxia, Je suis très heureux de vous voir en Russie.", "turn", 4, VP),
        fr(
            "Vous et moi nous sommes rencontrés il y a plusieurs années, et je pense que c’était "
            "également ici, à Ogaryovo.",
            "turn",
            4,
            VP,
        ),
        fr("<…>", "elision", 5),
        fr("Géographie", "tag", 6),
    ],
    [],
    [],
    [],
)

zhang["extras"] = [
    {"kind": "furniture", "text": "Ajouté par SANS A PRIORI", "line": 140},
    {"kind": "addition", "text": "États participant aux activités de la CEI", "line": 142},
]
doc_002 = {
    "path": "corpus/002_2ca614c197997517.txt",
    "stem": "002_2ca614c197997517",
    "title": "5724 – Russie… La journée du 8 Novembre de V.Poutine …",
    "outside": [
        {
            "kind": "furniture",
            "text": "5724 – Russie… La journée du 8 Novembre de V.Poutine …",
            "line": 1,
        },
        {
            "kind": "furniture",
            "text": "1°/Interview au journal Kazakhstanskaya Pravda – 8 novembre 2023",
            "line": 4,
        },
        {
            "kind": "furniture",
            "text": "4°/Rencontre avec le vice-président de la Commission militaire centrale "
            "chinoise Zhang Youxia – 8 novembre 2023 à 15h05 à Novo-Ogaryovo-région de Moscou",
            "line": 7,
        },
    ],
    "events": [interview, zhang],
}

# --- 000: 13 July 2023 ---------------------------------------------------------------------
EXPO = (
    "Vladimir Poutine a visité une exposition des réalisations de la technologie quantique "
    "russe par Rosatom et les chemins de fer russes en marge du Forum des technologies "
    "futures au Centre du commerce international."
)
expo = event(
    2,
    "Salon des innovations technologiques quantiques",
    "Exhibition of quantum technology achievements",
    "13 juillet 2023",
    "15h05",
    "Moscou",
    KREMLIN + "71664",
    "ok",
    "fetched live from en.kremlin.ru (HTTP 200)",
    original(
        KREMLIN + "71664",
        "Exhibition of quantum technology achievements",
        "2023-07-13",
        "15:05",
        "Moscow",
        "live",
        "2025-11-21T08:02:41Z",
        lead="Vladimir Putin toured an exhibition of Russian quantum technology "
        "achievements by Rosatom and Russian Railways.",
    ),
    [
        fr(EXPO, "body", 0),
        fr(
            "1 sur 10 Avec le co-fondateur du Centre international russe pour l’optique "
            "quantique et les technologies quantiques Ruslan Yunusov (à gauche) et le directeur "
            "général de Rosatom, Alexei Likhachev.",
            "caption",
            1,
        ),
        fr("2 sur 10", "caption", 2),
        fr(
            "Le président a découvert un nouveau type d’appareil informatique – un ordinateur "
            "quantique à base d’ions de 16 qubits.",
            "body",
            3,
            None,
            (("16 qubits", "16 qubit", "quantity"),),
        ),
        fr(
            "Via une plateforme cloud, les experts ont lancé un algorithme de calcul d’une "
            "molécule simple – la modélisant en temps réel.",
            "body",
            3,
        ),
        fr("Cet ordinateur quantique est éventuellement le plus puissant de Russie.", "body", 3),
        fr(
            "Une équipe de scientifiques du Centre quantique russe et de l’Institut de physique "
            "Lebedev de l’Académie russe des sciences l’a conçu dans le cadre de la feuille de "
            "route de l’informatique quantique avec la coordination de Rosatom.",
            "body",
            3,
        ),
        fr(
            "Il y a également eu une session de communication avec des utilisatuers à Moscou et à "
            "Nizhny Novgorod via le réseau quantique interuniversitaire.",
            "body",
            4,
        ),
        fr(
            "Le recteur de l’Université d’État Lomonossov de Moscou, Viktor Sadovnichy, et le "
            "gouverneur de Nizhny Novgorod, Gleb Nikitin, ainsi que d’autres, ont pris part à la "
            "vidéoconférence.",
            "body",
            4,
        ),
        fr(
            "10 sur 10 Le co-fondateur du Centre international russe d’optique quantique et de "
            "technologies quantiques Ruslan Yunusov (à gauche) et le directeur général de "
            "Rosatom, Alexei Likhachev. Photo : Kirill Zykov, RIA Novosti",
            "caption",
            5,
        ),
    ],
    [
        en(
            "Vladimir Putin toured an exhibition of Russian quantum technology achievements by "
            "Rosatom and Russian Railways on the sidelines of the Future Technologies Forum at "
            "the International Trade Centre.",
            0,
        ),
        en(
            "The President was shown a new type of computing device, a 16-qubit ion-based "
            "quantum computer.",
            1,
            None,
            (("16-qubit", "16 qubit", "quantity"),),
        ),
        en(
            "Using a cloud platform, experts launched an algorithm to calculate a simple "
            "molecule, modelling it in real time.",
            1,
        ),
        en("This quantum computer is currently the most powerful in Russia.", 1),
        en(
            "It was designed by a team of scientists from the Russian Quantum Centre and the "
            "Lebedev Physical Institute of the Russian Academy of Sciences as part of the quantum "
            "computing roadmap coordinated by Rosatom.",
            1,
        ),
        en(
            "There was also a communication session with users in Moscow and Nizhny Novgorod via "
            "the inter-university quantum network.",
            2,
        ),
        en(
            "Rector of Moscow State University Viktor Sadovnichy, Nizhny Novgorod Governor Gleb "
            "Nikitin and Deputy Prime Minister Dmitry Chernyshenko, among others, took part in "
            "the videoconference.",
            2,
        ),
    ],
    [
        (
            [0],
            [0],
            0.93,
            [
                ("Vladimir Putin", "Vladimir Poutine", 0.97, "name"),
                ("toured", "a visité", 0.71, "encoder"),
                ("exhibition", "exposition", 0.9, "cognate"),
                ("quantum technology", "technologie quantique", 0.93, "lexicon"),
                ("achievements", "réalisations", 0.88, "lexicon"),
                ("Rosatom", "Rosatom", 1.0, "identical"),
                ("Russian Railways", "chemins de fer russes", 0.9, "lexicon"),
                ("sidelines", "en marge", 0.8, "lexicon"),
                ("Future Technologies Forum", "Forum des technologies futures", 0.92, "lexicon"),
                ("International Trade Centre", "Centre du commerce international", 0.93, "lexicon"),
            ],
        ),
        (
            [3],
            [1],
            0.9,
            [
                ("President", "président", 0.95, "cognate"),
                ("shown", None, 0.0, "none"),
                ("computing device", "appareil informatique", 0.9, "lexicon"),
                ("16", "16", 1.0, "number"),
            ],
        ),
        ([4], [2], 0.88),
        ([5], [3], 0.94),
        ([6], [4], 0.9),
        ([7], [5], 0.92),
        ([8], [6], 0.8),
    ],
    [
        (
            "name",
            "medium",
            0.75,
            [8],
            [6],
            "“Dmitry Chernyshenko” is in the English but not in the French",
            {"name": "Dmitry Chernyshenko", "present_in": "en", "closest_fr": None},
        ),
        (
            "wording",
            "medium",
            0.8,
            [5],
            [3],
            "“currently” is rendered as “éventuellement”, which means “possibly” (false friend of "
            "“eventually”)",
            {
                "en_word": "currently",
                "fr_word": "éventuellement",
                "expected": ["actuellement", "aujourd’hui", "à présent"],
                "lexicon": "false_friends",
                "en_span": [25, 34],
                "fr_span": [29, 43],
                "link_score": 0.41,
            },
            "7b1e0c0a5f3d2e11",
        ),
        (
            "spelling",
            "medium",
            0.85,
            [7],
            [5],
            "“utilisatuers” is not a French word (did you mean “utilisateurs”?)",
            {
                "word": "utilisatuers",
                "suggestions": ["utilisateurs"],
                "frequency": 0.0,
                "dictionary": "wordfreq fr",
            },
            "5c9d7a3e2b1f0e22",
        ),
    ],
)

forum = event(
    3,
    "Session plénière du Future Technologies Forum",
    "Plenary session of the Future Technologies Forum",
    "13 juillet 2023",
    "18h15",
    "Moscou",
    KREMLIN + "71666",
    "file",
    "imported from a page saved in the browser (fidelity fetch --from-file 71666.html)",
    original(
        KREMLIN + "71666",
        "Plenary session of the Future Technologies Forum",
        "2023-07-13",
        "18:15",
        "Moscow",
        "file",
        "2025-11-21T08:40:12Z",
    ),
    [
        fr(
            "Le Président participe à la session plénière du Future Technologies Forum Computing "
            "and communications.",
            "body",
            0,
        ),
        fr("Le monde quantique.", "body", 0),
        fr("1 sur 12", "caption", 1),
        fr(
            "Session plénière du Future Technologies Forum. Photo : Sergueï Karpoukhine, TASS",
            "caption",
            2,
        ),
        fr(
            "Le forum inaugure une série de rencontres annuelles sur les pratiques innovantes du "
            "développement technologique national.",
            "body",
            3,
        ),
        fr(
            "L’événement a rassemblé des scientifiques des principales universités et centres de "
            "recherche du monde, des experts et des représentants du monde des affaires.",
            "body",
            3,
        ),
        fr(
            "Le président a annoncé 2022-2031 la Décennie de la science et de la technologie "
            "dans un décret exécutif.",
            "body",
            4,
            None,
            (("2022-2031", "2022..2031", "year_range"),),
        ),
        fr(
            "Notamment, tous les 10 ans, les performances des ordinateurs augmentent environ "
            "1.000 fois.",
            "turn",
            5,
            VP,
            (("10 ans", "10 year", "quantity"), ("environ 1.000 fois", "~1000", "factor")),
        ),
        fr(
            "Les circuits intégrés existants contiennent des dizaines de milliards de transistors.",
            "turn",
            5,
            VP,
        ),
        fr("<…>", "elision", 6),
        fr("Les sujets", "tag", 7),
    ],
    [
        en(
            "The President took part in the plenary session of the Future Technologies Forum, "
            "Computing and Communications: The Quantum World.",
            0,
        ),
        en(
            "The forum launches a series of annual meetings on innovative practices in national "
            "technological development.",
            1,
        ),
        en(
            "It brought together scientists from the world’s leading universities and research "
            "centres, experts and business representatives.",
            1,
        ),
        en(
            "The President declared 2022–2031 the Decade of Science and Technology by Executive "
            "Order.",
            2,
            None,
            (("2022–2031", "2022..2031", "year_range"),),
        ),
        en(
            "Every ten years, computer performance increases about a thousandfold.",
            3,
            VP_EN,
            (("ten years", "10 year", "quantity"), ("about a thousandfold", "~1000", "factor")),
        ),
        en("Existing integrated circuits contain tens of billions of transistors.", 3, VP_EN),
        en(
            "Colleagues, I would like to say a few words about the new national projects for "
            "technological sovereignty.",
            4,
            VP_EN,
        ),
        en(
            "There will be eight of them, covering the whole cycle from basic research to mass "
            "production.",
            4,
            VP_EN,
            (("eight", "8", "integer"),),
        ),
    ],
    [
        ([0, 1], [0], 0.74),
        ([4], [1], 0.9),
        ([5], [2], 0.88),
        ([6], [3], 0.86),
        ([7], [4], 0.83),
        ([8], [5], 0.89),
        ([], [6, 7], 0.0),
    ],
    [
        (
            "untranslated",
            "low",
            0.9,
            [0],
            [],
            "English left in the French: “Future Technologies Forum Computing and communications”",
            {"text": "Future Technologies Forum Computing and communications", "language": "en"},
        ),
        (
            "elided",
            "info",
            0.95,
            [9],
            [6, 7],
            "Cut by the translator (<…>): 2 English sentences are not translated",
            {"sentences": 2, "words": 29},
        ),
        (
            "addition",
            "medium",
            0.9,
            [7, 8],
            [],
            "The English original stops here: the 2 French sentences after it were not compared "
            "(a partial page or a truncated copy?)",
            {"kind": "english_stops", "french_not_compared": 2, "last_english": 5},
            "6b3c9e1d4a7f2e66",
        ),
    ],
)

press = event(
    4,
    "Réponses aux questions des journalistes",
    "Answers to media questions",
    "13 juillet 2023",
    "18h55",
    "Moscou",
    KREMLIN + "71667",
    "ok",
    "fetched live from en.kremlin.ru (HTTP 200)",
    original(
        KREMLIN + "71667",
        "Answers to media questions",
        "2023-07-13",
        "18:55",
        "Moscow",
        "live",
        "2025-11-21T08:03:05Z",
    ),
    [
        fr("1/5", "other", 0),
        fr("Une question sur le récent sommet de l’OTAN.", "turn", 1, "Question 1"),
        fr(
            "Paris commence à fournir à l’Ukraine des missiles à longue portée.",
            "turn",
            1,
            "Question 1",
        ),
        fr("2/5", "other", 2),
        fr("Donc, je ne vois rien de bon là-dedans.", "turn", 3, VP),
        fr(
            "Depuis hier soir – rien qu’à partir du 4 juin – 311 chars ont été détruits.",
            "turn",
            3,
            VP,
            (("4 juin", "06-04", "date"), ("311", "311", "integer")),
        ),
        fr(
            "De ce nombre, une grande partie, je crois au moins un tiers, étaient de fabrication "
            "occidentale, y compris des Léopards.",
            "turn",
            3,
            VP,
            (("au moins un tiers", "≥1/3", "fraction"),),
        ),
    ],
    [
        en("A question about the recent NATO summit.", 0, Q_EN),
        en("Paris is starting to supply long-range missiles to Ukraine.", 0, Q_EN),
        en(
            "Since yesterday evening, from June 4 alone, 311 tanks have been destroyed.",
            1,
            VP_EN,
            (("June 4", "06-04", "date"), ("311", "311", "integer")),
        ),
        en(
            "Of these, a large part, I think at least a third, were of Western manufacture, "
            "including Leopards.",
            1,
            VP_EN,
            (("at least a third", "≥1/3", "fraction"),),
        ),
    ],
    [([1], [0], 0.91), ([2], [1], 0.93), ([4], [], 0.0), ([5], [2], 0.9), ([6], [3], 0.92)],
    [
        (
            "addition",
            "low",
            0.66,
            [4],
            [],
            "French sentence with no English counterpart",
            {"best_score": 0.22},
        ),
    ],
)

doc_000 = {
    "path": "corpus/000_e6148732d891e308.txt",
    "stem": "000_e6148732d891e308",
    "title": "000_e6148732d891e308.txt",
    "outside": [
        {
            "kind": "furniture",
            "text": "- 1°/Salutations aux participants à l’inauguration d’un "
            "monument au prince Alexandre Nevski à Almaty du 13 juillet "
            "2023 à 11h00",
            "line": 2,
        },
    ],
    "events": [expo, forum, press],
}

# --- 001: AI Journey summary and the Kiselyov interview --------------------------------------
ai = event(
    1,
    "discours de Vladimir Poutine au Forum AI Journey – Sberbank",
    None,
    "",
    None,
    None,
    None,
    "no-source",
    "no kremlin.ru address is cited in this section",
    None,
    [
        fr("1. L’IA comme priorité stratégique nationale", "other", 0),
        fr(
            "Poutine a rappelé que l’intelligence artificielle n’est plus une simple technologie "
            "émergente : elle devient un pilier de la souveraineté nationale.",
            "body",
            1,
        ),
        fr(
            "Selon lui, l’IA est comparable à l’électricité ou à Internet : une technologie "
            "fondatrice qui déterminera le leadership global au XXIᵉ siècle.",
            "body",
            2,
            None,
            (("XXIᵉ siècle", "21st century", "century"),),
        ),
    ],
    [],
    [],
    [],
)

kisseliov = event(
    2,
    "Vladimir Poutine répond aux questions de Dmitry Kisseliov",
    "Interview to Dmitry Kiselyov",
    "13 mars 2024",
    "10:00",
    "Moscou, Kremlin",
    KREMLIN + "73648",
    "ok",
    "fetched live from en.kremlin.ru (HTTP 200)",
    original(
        KREMLIN + "73648",
        "Interview to Dmitry Kiselyov",
        "2024-03-13",
        "10:00",
        "The Kremlin, Moscow",
        "live",
        "2025-11-21T08:05:55Z",
    ),
    [
        fr(
            "Vladimir Poutine répond aux questions de Dmitry Kisseliov : directeur général "
            "adjoint de VGTRK (Société nationale russe de télévision et de radiodiffusion, ВГТРК "
            "en russe), directeur général de l’agence Rossiya Segodnya — NdT]",
            "note",
            0,
        ),
        fr(
            "Vladimir Vladimirovitch, en énonçant votre Message [à l’Assemblée fédérale], vous "
            "avez, au sens figuré, sorti de votre manche [Tel un magicien — NdT] des billions "
            "[Billion : mille milliards, appelé «trillion» en russe — NdT] et des billions.",
            "turn",
            1,
            K,
        ),
        fr(
            "Vous avez ainsi proposé un plan de développement du pays absolument stupéfiant — "
            "absolument stupéfiant.",
            "turn",
            1,
            K,
        ),
        fr("Oui, bien sûr.", "turn", 2, VP2),
        fr(
            "Il n’en reste pas moins qu’il y a des projets littéralement stupéfiants.", "turn", 3, K
        ),
        fr(
            "Par exemple, l’autoroute Sotchi-Djoubga : 130 kilomètres, dont 90 kilomètres de "
            "tunnels, le reste étant probablement des ponts, à en juger par le paysage.",
            "turn",
            3,
            K,
            (("130 kilomètres", "130 km", "quantity"), ("90 kilomètres", "90 km", "quantity")),
        ),
        fr(
            "Un milliard et demi [En fait, billion et demi — NdT] rien que pour les trois "
            "premières années, et l’autoroute devrait idéalement être prête en 2030.",
            "turn",
            3,
            K,
            (
                ("Un milliard et demi", "1500000000", "scaled"),
                ("billion et demi", "1500000000000", "scaled"),
                ("trois", "3", "integer"),
                ("2030", "2030", "year"),
            ),
        ),
        fr("Quel est le montant nécessaire et sera-t-il suffisant pour gagner ?", "turn", 3, K),
        fr("Les gens ont besoin de cette autoroute.", "turn", 4, VP2),
        fr(
            "Les familles avec enfants ne peuvent pas se rendre à Sotchi en voiture.",
            "turn",
            4,
            VP2,
        ),
    ],
    [
        en(
            "Mr President, when delivering your Address [to the Federal Assembly], you, "
            "figuratively speaking, pulled trillions and trillions out of your sleeve.",
            0,
            K_EN,
        ),
        en(
            "You have proposed an absolutely stunning plan for the country’s development – "
            "absolutely stunning.",
            0,
            K_EN,
        ),
        en("Yes, of course.", 1, VP_EN),
        en("Nevertheless, there are some truly stunning projects.", 2, K_EN),
        en(
            "For example, the Sochi–Dzhubga motorway: 130 kilometres, 90 of them tunnels, and "
            "the rest probably bridges, judging by the terrain.",
            2,
            K_EN,
            (("130 kilometres", "130 km", "quantity"), ("90", "90 km", "quantity")),
        ),
        en(
            "One and a half trillion for the first three years alone, and the motorway should "
            "ideally be ready by 2030.",
            2,
            K_EN,
            (
                ("One and a half trillion", "1500000000000", "scaled"),
                ("three", "3", "integer"),
                ("2030", "2030", "year"),
            ),
        ),
        en("How much money is needed, and will it be enough?", 2, K_EN),
        en("People need this motorway.", 3, VP_EN),
        en("Families with children cannot drive to Sochi.", 3, VP_EN),
    ],
    [
        ([1], [0], 0.78),
        ([2], [1], 0.9),
        ([3], [2], 0.95),
        ([4], [3], 0.84),
        ([5], [4], 0.87),
        ([6], [5], 0.8),
        ([7], [6], 0.61),
        ([8], [7], 0.93),
        ([9], [8], 0.9),
    ],
    [
        (
            "number",
            "high",
            0.93,
            [6],
            [5],
            "1.5 × 10⁹ (« Un milliard et demi ») in the French, 1.5 × 10¹² (“One and a half "
            "trillion”) in the English",
            {
                "fr": {"raw": "Un milliard et demi", "value": "1500000000"},
                "en": {"raw": "One and a half trillion", "value": "1500000000000"},
                "relation": "differs",
                "note": "the translator's own note in the sentence gives « billion et demi »",
            },
        ),
        (
            "terminology",
            "low",
            0.675,
            [1],
            [0],
            "'President' is rendered 'président' 3 times out of 4 in the checked posts; here "
            "'Vladimir Vladimirovitch'",
            {
                "kind": "consistency",
                "term": "President",
                "expected": "président",
                "used": "Vladimir Vladimirovitch",
                "counts": {"président": 3, "Vladimir Vladimirovitch": 1},
            },
        ),
    ],
)

kisseliov["truncated"] = True  # as if the excerpt ended with « À suivre. »

doc_001 = {
    "path": "corpus/001_daf1f553d76443ac.txt",
    "stem": "001_daf1f553d76443ac",
    "title": "Category Archives: Poutine",
    "outside": [
        {"kind": "furniture", "text": "Category Archives: Poutine", "line": 1},
        {"kind": "furniture", "text": "Source", "line": 262},
    ],
    "events": [ai, kisseliov],
}


def compared_fields(document: dict[str, Any]) -> dict[str, Any]:
    """The honest-status fields (`compared`, `events_total`, `events_compared`): an event is
    compared when its original was obtained; one that was not has no counts or coverage."""
    for item in document["events"]:
        item["compared"] = item["source_status"] in ("ok", "cached", "file")
        if not item["compared"]:
            item["summary"] = {"coverage": None, "counts": None, "by_severity": None}
    document["events_total"] = len(document["events"])
    document["events_compared"] = sum(1 for item in document["events"] if item["compared"])
    return document


for _document in (doc_000, doc_001, doc_002):
    compared_fields(_document)

# --- terminology (align/terminology, docs/terminology.md) ------------------------------------
# Each occurrence: (document, event position, alignment index, the English as written, the
# French as written or None when nothing is linked, the rendering it counts as, whether the
# occurrence carries the term's finding). Spans are the first occurrence of each text in the
# bead's first sentence of each side; `expected` is what the check found dominant (3 of 4 for
# "President") or the glossary's first accepted rendering.
Occ = tuple[dict[str, Any], int, int, str, str | None, str | None, bool]
TERMS: list[tuple[str, str, str, str | None, list[Occ]]] = [
    (
        "President",
        "president",
        "corpus",
        "président",
        [
            (doc_000, 0, 1, "President", "président", "président", False),
            (doc_000, 1, 0, "President", "Président", "président", False),
            (doc_000, 1, 3, "President", "président", "président", False),
            (doc_001, 1, 0, "President", "Vladimir Vladimirovitch", "Vladimir Vladimirovitch",
             True),
        ],
    ),
    (
        "Future Technologies Forum",
        "forum future technology",
        "corpus",
        None,  # one post says it in French, the other leaves it in English: nothing dominates
        [
            (doc_000, 0, 0, "Future Technologies Forum", "Forum des technologies futures",
             "Forum des technologies futures", False),
            (doc_000, 1, 0, "Future Technologies Forum", "Future Technologies Forum",
             "Future Technologies Forum", False),
        ],
    ),
    (
        "quantum computer",
        "computer quantum",
        "corpus",
        "ordinateur quantique",
        [
            (doc_000, 0, 1, "quantum computer", "ordinateur quantique", "ordinateur quantique",
             False),
            (doc_000, 0, 3, "quantum computer", "ordinateur quantique", "ordinateur quantique",
             False),
        ],
    ),
    (
        "Rosatom",
        "Rosatom",
        "corpus",
        "Rosatom",
        [
            (doc_000, 0, 0, "Rosatom", "Rosatom", "Rosatom", False),
            (doc_000, 0, 4, "Rosatom", "Rosatom", "Rosatom", False),
        ],
    ),
    (
        "strategic partnership",
        "partnership strategic",
        "glossary",
        "partenariat stratégique",
        [
            (doc_002, 0, 0, "strategic partnership", "coopération stratégique",
             "coopération stratégique", True),
        ],
    ),
    (
        "Federal Assembly",
        "assembly federal",
        "glossary",
        "Assemblée fédérale",
        [(doc_001, 1, 0, "Federal Assembly", "Assemblée fédérale", "Assemblée fédérale", False)],
    ),
    (
        "executive order",
        "executive order",
        "glossary",
        "décret",
        [(doc_000, 1, 3, "Executive Order", "décret exécutif", "décret exécutif", False)],
    ),
    (
        "law enforcement",
        "enforcement law",
        "glossary",
        "forces de l’ordre",
        [(doc_002, 0, 6, "law enforcement", None, None, True)],
    ),
]  # fmt: skip


def _span(text: str, part: str) -> list[int]:
    start = text.index(part)
    return [start, start + len(part)]


def occurrence_json(occ: Occ) -> dict[str, Any]:
    """An occurrence as the check writes it, its finding found in the event (and given the
    spans the check puts in its details)."""
    document, position, alignment, en_text, fr_text, rendering, flagged = occ
    item = document["events"][position]
    bead = item["alignment"][alignment]
    en_id, fr_id = bead["en"][0], bead["fr"][0]
    en_span = _span(item["en_sentences"][en_id]["text"], en_text)
    fr_span = None if fr_text is None else _span(item["fr_sentences"][fr_id]["text"], fr_text)
    fid = None
    if flagged:
        (found,) = [
            f
            for f in item["findings"]
            if f["type"] == "terminology" and f["en"] == [en_id] and f["details"]["term"] == en_text
        ]
        found["details"]["en_span"] = en_span
        if fr_span is not None:
            found["details"]["fr_span"] = fr_span
        fid = found["id"]
    return {
        "event": position,
        "alignment": alignment,
        "en": [en_id, en_span],
        "fr": None if fr_span is None else [fr_id, fr_span],
        "rendering": rendering,
        "finding": fid,
    }


def term_json(spec: tuple[str, str, str, str | None, list[Occ]], document: Any) -> dict[str, Any]:
    """The term in one document (`document` None: in the corpus, as the index receives it)."""
    text, key, source, expected, occurrences = spec
    corpus = Counter(occ[5] for occ in occurrences)
    mine = [occ for occ in occurrences if document is None or occ[0] is document]
    local = Counter(occ[5] for occ in mine)
    item: dict[str, Any] = {
        "term": text,
        "key": key,
        "source": source,
        "count": len(mine),
        "corpus_count": len(occurrences),
        "expected": expected,
        "glossary": glossary_line(text) if source != "corpus" else None,
        "renderings": [
            {"text": label, "count": local[label], "corpus_count": corpus[label]}
            for label, _ in corpus.most_common()
            if local[label]
        ],
        "occurrences": [occurrence_json(occ) for occ in mine],
    }
    if document is None:  # the index's shape: no per-post counts; posts and findings added
        item.pop("count")
        for rendering in item["renderings"]:
            rendering.pop("count")
        for occ, occurrence in zip(occurrences, item["occurrences"], strict=True):
            occurrence["document"] = occ[0]["stem"]
        item["documents"] = len({id(occ[0]) for occ in occurrences})
        item["findings"] = sum(1 for o in item["occurrences"] if o["finding"])
    return item


TERMS.sort(key=lambda spec: (-len(spec[4]), spec[1]))
for _document in (doc_000, doc_001, doc_002):
    _terms = [
        term_json(spec, _document) for spec in TERMS if any(o[0] is _document for o in spec[4])
    ]
    _document["terminology"] = {
        "findings": sum(1 for t in _terms for o in t["occurrences"] if o["finding"]),
        "ignored_by_event": {},
        "terms": _terms,
    }
TERMINOLOGY = {
    "terms": [term_json(spec, None) for spec in TERMS],
    "findings": sum(1 for spec in TERMS for occ in spec[4] if occ[6]),
    "glossary": {
        "file": GLOSSARY_FILE,
        "entries": len(GLOSSARY),
        "problems": [
            f"{GLOSSARY_FILE}:7: no tab between the English term and its French rendering(s);"
            " line skipped"
        ],
    },
    "thresholds": {"min_occurrences": 2, "min_support": 2, "min_share": 0.65, "max_term_words": 6},
}

RESULT = {
    "tool": "fidelity",
    "version": "0.1.0",
    "encoder": "use-m3/0.2.1",
    "signature": {
        "tool_version": "0.1.0",
        "encoder": "use-m3/0.2.1",
        "thresholds": {
            "mistranslation_z": -2.5,
            "omission_max_score": 0.35,
            "partial_clause_score": 0.3,
            "number_neighbours": 1,
        },
        "ignore_file": None,
        "created": "2025-11-21T22:50:00+00:00",
    },
    "documents": [doc_000, doc_001, doc_002],
    "terminology": TERMINOLOGY,
}

if __name__ == "__main__":
    (HERE / "result.json").write_text(
        json.dumps(RESULT, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(HERE / "result.json")
