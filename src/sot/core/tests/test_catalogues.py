import shutil

from sot.core.catalogues import PACKAGE_LOCALE_DIR, compile_catalogues


def test_stale_catalogues_are_compiled_and_fresh_ones_left_alone(tmp_path):
    shutil.copytree(
        PACKAGE_LOCALE_DIR / "kk", tmp_path / "kk", ignore=shutil.ignore_patterns("*.mo")
    )
    written = compile_catalogues([tmp_path])
    assert written == [tmp_path / "kk" / "LC_MESSAGES" / "django.mo"]
    assert written[0].stat().st_size > 1000
    assert compile_catalogues([tmp_path]) == []
