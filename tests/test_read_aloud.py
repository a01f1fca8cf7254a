"""Issue 16: "Læs op" – the page read aloud with the browser's own speech synthesis, tested in
Chromium with a stubbed `speechSynthesis`: the right text in the right language, the section
announced and highlighted, pause and stop work, shown only when there is a voice for the
page's language, hidden in print, axe clean."""

from __future__ import annotations

import pytest

from conftest import axe_violations

BOX = "[data-ung-readaloud]"
PLAY = "[data-ung-readaloud-play]"
STOP = "[data-ung-readaloud-stop]"
STATUS = "[data-ung-readaloud-status]"

# A stand-in for the browser's speech: records what it is asked to say; the test ends each
# utterance itself (window.__finish()).
STUB = """
(() => {
  const voices = %s;
  const calls = [];
  const fake = {
    speaking: false, paused: false, pending: false, current: null,
    getVoices() { return voices; },
    speak(utterance) { calls.push({text: utterance.text, lang: utterance.lang,
                                   voice: utterance.voice && utterance.voice.lang}); this.current = utterance; this.speaking = true; },
    pause() { this.paused = true; calls.push('pause'); },
    resume() { this.paused = false; calls.push('resume'); },
    cancel() { this.speaking = false; this.current = null; calls.push('cancel'); },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; this.voice = null; };
  window.__speech = calls;
  window.__finish = () => { const u = fake.current; if (u && u.onend) u.onend(); };
})();
"""
BOTH_VOICES = ('[{"lang": "da-DK", "name": "Dansk", "localService": true},'
               ' {"lang": "en-GB", "name": "English", "localService": true}]')
ENGLISH_ONLY = '[{"lang": "en-US", "name": "English", "localService": true}]'


def open_with_voices(new_page, base_url, path, voices=BOTH_VOICES, viewport="mobile"):
    page = new_page(viewport)
    page.add_init_script(STUB % voices)
    page.goto(base_url + path)
    return page


def spoken(page):
    return [call for call in page.evaluate("window.__speech") if isinstance(call, dict)]


def test_reads_the_page_in_its_language_and_announces_sections(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/temaer/rusmidler/")
    assert page.is_visible(PLAY)
    assert page.inner_text(PLAY) == "Læs op"
    page.click(PLAY)
    first = spoken(page)[0]
    assert first == {"text": "Rusmidler og misbrug", "lang": "da-DK", "voice": "da-DK"}
    assert page.inner_text(STATUS) == "Læser op: Rusmidler og misbrug"
    assert page.eval_on_selector("h1", "h1 => h1.classList.contains('ung-readaloud--current')")
    # The next block is the first paragraph, read as text (no "¶", no controls).
    page.evaluate("window.__finish()")
    second = spoken(page)[1]
    assert second["text"].startswith("Rusmidler er alkohol, hash og andre stoffer.")
    assert page.eval_on_selector("article p.ung-readaloud--current", "p => p.textContent").startswith("Rusmidler er")
    # Read on to the next heading: its section is announced.
    for _ in range(10):
        if "Til dig, der er ung" in page.inner_text(STATUS):
            break
        page.evaluate("window.__finish()")
    assert page.inner_text(STATUS) == "Læser op: Til dig, der er ung"
    texts = [call["text"] for call in spoken(page)]
    assert all("¶" not in text and "Læs op" not in text for text in texts)


def test_pause_resume_and_stop(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/temaer/trafik/")
    page.click(PLAY)
    assert page.inner_text(PLAY) == "Pause"
    page.click(PLAY)
    assert page.evaluate("window.speechSynthesis.paused") is True
    assert page.inner_text(PLAY) == "Fortsæt"
    assert page.inner_text(STATUS) == "Oplæsningen holder pause."
    page.click(PLAY)
    assert page.evaluate("window.speechSynthesis.paused") is False
    assert page.evaluate("window.__speech").count("resume") == 1
    assert page.is_visible(STOP)
    page.click(STOP)
    assert page.evaluate("window.__speech")[-1] == "cancel"
    assert page.inner_text(PLAY) == "Læs op"
    assert not page.is_visible(STOP)
    assert page.locator(".ung-readaloud--current").count() == 0
    # Stopped: an utterance ending late does not start the next one.
    count = len(spoken(page))
    page.evaluate("window.__finish()")
    assert len(spoken(page)) == count


def test_english_page_is_read_in_english(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/en/temaer/trafik/")
    assert page.inner_text(PLAY) == "Read aloud"
    page.click(PLAY)
    assert spoken(page)[0]["lang"] == "en-GB"
    assert page.inner_text(STATUS).startswith("Reading: ")


def test_no_voice_for_the_language_no_button(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/temaer/trafik/", voices=ENGLISH_ONLY)
    assert not page.is_visible(BOX)
    page = open_with_voices(new_page, base_url, "/en/temaer/trafik/", voices=ENGLISH_ONLY)
    assert page.is_visible(BOX)


def test_without_speech_synthesis_or_javascript_no_button(new_page, base_url):
    page = new_page("mobile")
    page.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: undefined, configurable: true});")
    page.goto(base_url + "/temaer/trafik/")
    assert not page.is_visible(BOX)
    page = new_page("mobile", javascript=False)
    page.goto(base_url + "/temaer/trafik/")
    assert not page.is_visible(BOX)


def test_hidden_in_print_and_not_on_the_front_page(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/temaer/trafik/")
    assert page.is_visible(BOX)
    page.emulate_media(media="print")
    assert not page.is_visible(BOX)
    page = open_with_voices(new_page, base_url, "/")
    assert page.locator(BOX).count() == 0


def test_list_items_are_read_once(new_page, base_url):
    page = open_with_voices(new_page, base_url, "/faa-hjaelp-nu/")
    page.click(PLAY)
    for _ in range(400):  # one per utterance, until the page is read to its end
        page.evaluate("window.__finish()")
    texts = [call["text"] for call in spoken(page)]
    item = "Nogen presser mig til at sende billeder. Det er ikke din skyld."
    # The list item is one utterance, with its link's words; the link is not read again alone.
    assert len([text for text in texts if text.startswith(item)]) == 1, texts
    assert "Nogen presser mig til at sende billeder" not in texts
    assert texts[-1] != texts[0]
    assert page.inner_text(STATUS) == "Oplæsningen er slut."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reading_passes_axe(new_page, base_url, scheme):
    page = new_page("mobile", color_scheme=scheme)
    page.add_init_script(STUB % BOTH_VOICES)
    page.goto(base_url + "/temaer/rusmidler/")
    page.click(PLAY)
    page.evaluate("window.__finish()")
    assert axe_violations(page) == []
