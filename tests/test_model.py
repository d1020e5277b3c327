"""The data model's few behaviours: stable finding ids and JSON shape."""

from align.model import Finding, FindingType, Severity, finding_id


def test_finding_id_is_stable_under_whitespace_and_case() -> None:
    a = finding_id(FindingType.NUMBER, "Il y a 10 ans", "Ten years ago")
    b = finding_id("number", "  il y a  10 ans ", "ten years ago")
    assert a == b
    assert len(a) == 16


def test_finding_id_differs_by_type_and_text() -> None:
    base = finding_id(FindingType.NUMBER, "10", "ten")
    assert finding_id(FindingType.OMISSION, "10", "ten") != base
    assert finding_id(FindingType.NUMBER, "11", "ten") != base


def test_finding_to_json_has_the_design_keys() -> None:
    finding = Finding(
        id="abc",
        type=FindingType.OMISSION,
        severity=Severity.HIGH,
        confidence=0.91234,
        fr=(),
        en=(3,),
        message="English sentence 3 has no French counterpart",
        details={"en_text": "x"},
    )
    data = finding.to_json()
    assert set(data) == {
        "id", "content_id", "type", "severity", "confidence", "fr", "en", "message", "details"
    }  # fmt: skip
    assert data["content_id"] == "abc"  # the content key; the pipeline then sets the final id
    assert data["type"] == "omission" and data["severity"] == "high"
    assert data["confidence"] == 0.912
