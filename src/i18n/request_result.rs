//! Step 1's result: the sentence it leads with, the collapsed notes, and pasted text.

use super::Lang;

impl Lang {
    /// The page language of the core's `lang` (the strings' `T::lang`).
    pub fn of_core(lang: slc_courier_core::Lang) -> Lang {
        match lang {
            slc_courier_core::Lang::En => Lang::En,
            slc_courier_core::Lang::Nl => Lang::Nl,
        }
    }

    /// The one sentence step 1's result leads with.
    pub fn request_verdict(self, errors: usize, warnings: usize) -> String {
        let (e, w) = (errors, warnings);
        match (self, e, w) {
            (Lang::En, 0, 0) => "Ready to submit.".to_owned(),
            (Lang::En, 0, 1) => "Ready to submit — read the warning first.".to_owned(),
            (Lang::En, 0, w) => format!("Ready to submit — read the {w} warnings first."),
            (Lang::En, e, w) => format!(
                "Do not submit — {}{}.",
                if e == 1 {
                    "1 error".to_owned()
                } else {
                    format!("{e} errors")
                },
                match w {
                    0 => String::new(),
                    1 => ", 1 warning".to_owned(),
                    w => format!(", {w} warnings"),
                }
            ),
            (Lang::Nl, 0, 0) => "Klaar om in te dienen.".to_owned(),
            (Lang::Nl, 0, 1) => "Klaar om in te dienen — lees eerst de waarschuwing.".to_owned(),
            (Lang::Nl, 0, w) => {
                format!("Klaar om in te dienen — lees eerst de {w} waarschuwingen.")
            }
            (Lang::Nl, e, w) => format!(
                "Niet indienen — {}{}.",
                if e == 1 {
                    "1 fout".to_owned()
                } else {
                    format!("{e} fouten")
                },
                match w {
                    0 => String::new(),
                    1 => ", 1 waarschuwing".to_owned(),
                    w => format!(", {w} waarschuwingen"),
                }
            ),
        }
    }

    /// The summary of the collapsed informational findings (nothing to do about them).
    pub fn notes(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 note (nothing to fix)".to_owned(),
            (Lang::En, n) => format!("{n} notes (nothing to fix)"),
            (Lang::Nl, 1) => "1 opmerking (niets te doen)".to_owned(),
            (Lang::Nl, n) => format!("{n} opmerkingen (niets te doen)"),
        }
    }

    /// What stands in for a file name when the request was pasted.
    pub fn pasted_text(self) -> &'static str {
        match self {
            Lang::En => "Pasted text",
            Lang::Nl => "Geplakte tekst",
        }
    }

    /// Said under a pasted request: these bytes are what is submitted and recorded.
    pub fn pasted_note(self, size: usize) -> String {
        match self {
            Lang::En => format!("These {size} bytes — the text exactly as pasted — are what step 3 submits and the receipt records, with the SHA-256 shown here. The browser turns line endings into LF when text is pasted, so the size and hash can differ from those of the exported file; to submit the file's own bytes, load the file instead."),
            Lang::Nl => format!("Deze {size} bytes — de tekst precies zoals geplakt — worden in stap 3 ingediend en in het overdrachtsbewijs vastgelegd, met de SHA-256 die hier staat. De browser zet regeleinden bij het plakken om naar LF, dus grootte en hash kunnen afwijken van die van het geëxporteerde bestand; laad het bestand zelf als u de bytes van het bestand wilt indienen."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_counts_in_both_languages() {
        assert_eq!(Lang::En.request_verdict(0, 0), "Ready to submit.");
        assert_eq!(Lang::En.request_verdict(2, 0), "Do not submit — 2 errors.");
        assert_eq!(
            Lang::En.request_verdict(1, 3),
            "Do not submit — 1 error, 3 warnings."
        );
        assert_eq!(
            Lang::Nl.request_verdict(2, 1),
            "Niet indienen — 2 fouten, 1 waarschuwing."
        );
        for (e, w) in [(0, 0), (0, 1), (0, 2), (1, 0), (2, 2)] {
            assert_ne!(
                Lang::En.request_verdict(e, w),
                Lang::Nl.request_verdict(e, w)
            );
        }
        assert_ne!(Lang::En.notes(2), Lang::Nl.notes(2));
        assert_ne!(Lang::En.pasted_note(874), Lang::Nl.pasted_note(874));
    }
}
