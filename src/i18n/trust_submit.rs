//! Page words of step 2 (trust prerequisites) and step 3 (submit), in both languages.

use super::Lang;

impl Lang {
    /// Step 2's introduction.
    pub fn trust_help(self) -> &'static str {
        match self {
            Lang::En => "What the enrollment procedure requires of the computer that submits the request, and what this page can see of this browser. A page can read neither the zone lists nor the root store; the commands below can.",
            Lang::Nl => "Wat de inschrijvingsprocedure vraagt van de computer die de aanvraag indient, en wat deze pagina van deze browser kan zien. Een pagina kan de zonelijsten en het certificatenarchief niet lezen; de opdrachten hieronder wel.",
        }
    }

    /// Step 2, first part: heading.
    pub fn prereq_title(self) -> &'static str {
        match self {
            Lang::En => "The procedure's prerequisites",
            Lang::Nl => "De vereisten van de procedure",
        }
    }

    /// Step 2, first part: what it is.
    pub fn prereq_help(self) -> &'static str {
        match self {
            Lang::En => "The procedure names two: the enrollment site in the Trusted sites zone, and the GTE CyberTrust Global Root in the root store. Check them on the computer that submits; tick what you have checked.",
            Lang::Nl => "De procedure noemt er twee: de inschrijvingswebsite in de zone Vertrouwde websites, en de GTE CyberTrust Global Root in het certificatenarchief. Controleer ze op de computer die indient; vink aan wat u hebt gecontroleerd.",
        }
    }

    /// Step 2, second part: heading.
    pub fn browser_title(self) -> &'static str {
        match self {
            Lang::En => "This browser",
            Lang::Nl => "Deze browser",
        }
    }

    /// Step 2, second part: what it is.
    pub fn browser_help(self) -> &'static str {
        match self {
            Lang::En => "What this page can see of the browser it runs in. These are facts, not the procedure's prerequisites; anything that needs attention is listed under them.",
            Lang::Nl => "Wat deze pagina kan zien van de browser waarin ze draait. Dit zijn feiten, geen vereisten van de procedure; wat aandacht vraagt, staat eronder.",
        }
    }

    /// Step 2: the label of the address to paste into Internet Options.
    pub fn address_to_add(self) -> &'static str {
        match self {
            Lang::En => "Address to add",
            Lang::Nl => "Toe te voegen adres",
        }
    }

    /// Step 2: the probe's address is not usable (so nothing is requested).
    pub fn probe_not_usable(self) -> &'static str {
        match self {
            Lang::En => {
                "Nothing is probed: the enrollment address in step 3 is not a usable address."
            }
            Lang::Nl => {
                "Er wordt niets getest: het inschrijvingsadres in stap 3 is geen bruikbaar adres."
            }
        }
    }

    /// Step 3: restore the configured address.
    pub fn reset_default(self) -> &'static str {
        match self {
            Lang::En => "Reset to default",
            Lang::Nl => "Standaard herstellen",
        }
    }

    /// Step 3: the configured default address, before it.
    pub fn default_is(self) -> &'static str {
        match self {
            Lang::En => "Default",
            Lang::Nl => "Standaard",
        }
    }

    /// Step 3: the address is refused, so nothing is opened or sent.
    pub fn address_refused(self) -> &'static str {
        match self {
            Lang::En => "This address is not used: nothing is opened or sent until it is corrected.",
            Lang::Nl => "Dit adres wordt niet gebruikt: er wordt niets geopend of verzonden tot het is verbeterd.",
        }
    }

    /// Step 3: heading of what to do when the service does not answer.
    pub fn no_answer_title(self) -> &'static str {
        match self {
            Lang::En => "If the page does not open, or the service does not answer",
            Lang::Nl => "Als de pagina niet opent, of de service niet antwoordt",
        }
    }

    /// Step 3: what to do when the service does not answer (said after "open" or a POST).
    pub fn no_answer(self) -> [&'static str; 4] {
        match self {
            Lang::En => [
                "Microsoft has decommissioned the Windows RMS enrollment service, so Microsoft's address will not issue a certificate any more.",
                "Look up the current expiration date in Cluster resources on the RMS server: KB 2853958 extended Windows RMS server licensor certificates to 7150 days, so the cluster may have years left.",
                "AD RMS clusters (Windows Server 2008 and later) enroll themselves and never need this service; moving the cluster to AD RMS is the lasting way out.",
                "If your organisation runs its own enrollment service, enter its address above. Without a service that answers, the procedure's steps 10 and 11 (go to the enrollment service's web site and follow its instructions) cannot be carried out.",
            ],
            Lang::Nl => [
                "Microsoft heeft de inschrijvingsservice voor Windows RMS buiten gebruik gesteld; het adres van Microsoft geeft dus geen certificaten meer uit.",
                "Zoek de huidige vervaldatum op in Clusterbronnen op de RMS-server: KB 2853958 verlengde serverlicentieverleningscertificaten van Windows RMS tot 7150 dagen, dus het cluster kan nog jaren mee.",
                "AD RMS-clusters (Windows Server 2008 en later) schrijven zichzelf in en hebben deze service nooit nodig; het cluster overzetten naar AD RMS is de blijvende oplossing.",
                "Heeft uw organisatie een eigen inschrijvingsservice, vul dan hierboven het adres daarvan in. Zonder een service die antwoordt, zijn stap 8 en 9 van de procedure (naar de website van de inschrijvingsservice gaan en de instructies volgen) niet uit te voeren.",
            ],
        }
    }
}
