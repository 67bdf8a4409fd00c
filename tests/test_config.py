import pytest

from chronik.config import load_config
from chronik.errors import ConfigError


def test_config_defaults_load():
    cfg = load_config()
    assert cfg["ingest"]["max_document_bytes"] > 0
    assert cfg["language"]["accept"] == ["de"]


def test_config_user_file_overrides_only_its_keys(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text("[ingest]\nmax_document_bytes = 1234\n")
    cfg = load_config(f)
    assert cfg["ingest"]["max_document_bytes"] == 1234
    assert cfg["ingest"]["fallback_encoding"] == "cp1252"


def test_config_env_then_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("CHRONIK_INGEST__MAX_DOCUMENT_BYTES", "99")
    monkeypatch.setenv("CHRONIK_INGEST__FALLBACK_ENCODING", "")
    cfg = load_config()
    assert cfg["ingest"]["max_document_bytes"] == 99 and cfg["ingest"]["fallback_encoding"] == ""
    cfg = load_config(overrides={"ingest": {"max_document_bytes": 7}})
    assert cfg["ingest"]["max_document_bytes"] == 7


@pytest.mark.parametrize(("body", "message"), [
    ("[ingestion]\nx = 1\n", "unknown config section"),
    ("[ingest]\nmax_bytes = 1\n", "unknown config key ingest.max_bytes"),
    ("[ingest]\nmax_document_bytes = 'many'\n", "must be int"),
    ("[ingest\n", "not valid TOML"),
])
def test_config_errors_say_what_is_wrong(tmp_path, body, message):
    f = tmp_path / "c.toml"
    f.write_text(body)
    with pytest.raises(ConfigError, match=message):
        load_config(f)


def test_config_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.toml")


def test_a_config_error_raised_in_a_worker_reads_back_with_its_code_once():
    import pickle

    from chronik.errors import ConfigError

    e = pickle.loads(pickle.dumps(ConfigError("no spaCy pipeline at /x")))
    assert type(e) is ConfigError and e.code == "E001" and str(e) == "[E001] no spaCy pipeline at /x"
