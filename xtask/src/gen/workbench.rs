//! Synthetic sets for the workbench (`crates/core/tests/data/workbench/`): one cluster in
//! cryptographic mode 1 and one in mode 2 (SLC, RAC, CLC, publishing and use licence), spread
//! over several files and wrappers; a CLC whose cluster is not loaded; a tampered CLC; a RAC
//! whose issuer ID does not match the key's holder.

use super::{
    chain, escape, pretty, pubkey_xml, utf16, ChainSpec, Files, Hash, Keys, Obj, RMS01_GUID,
    RMS02_GUID, RMS03_GUID,
};
use anyhow::Result;
use rsa::{PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};

/// One signed document of any kind.
struct Doc<'a> {
    descriptor_type: &'a str,
    body_type: &'a str,
    purpose: Option<&'a str>,
    issued: &'a str,
    validity: Option<(&'a str, &'a str)>,
    range: Option<(&'a str, &'a str)>,
    issuer: Obj<'a>,
    signer: &'a RsaPrivateKey,
    principal: Obj<'a>,
    principal_key: RsaPublicKey,
    urls: &'a [(&'a str, &'a str)],
    hash: Hash,
}

impl Doc<'_> {
    fn render(&self) -> String {
        let dt = self.descriptor_type;
        let validity = self
            .validity
            .map(|(f, u)| {
                format!("<VALIDITYTIME><FROM>{f}</FROM><UNTIL>{u}</UNTIL></VALIDITYTIME>")
            })
            .unwrap_or_default();
        let descriptor = if dt.is_empty() {
            String::new()
        } else {
            format!("<DESCRIPTOR><OBJECT type=\"{dt}\"><ID type=\"MS-GUID\">{{5A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}}</ID></OBJECT></DESCRIPTOR>")
        };
        let dps: String = self
            .urls
            .iter()
            .enumerate()
            .map(|(n, (t, u))| {
                format!("<DISTRIBUTIONPOINT><OBJECT type=\"{t}\"><ID type=\"MS-GUID\">{{0F45FD50-383B-43EE-90A4-ED013CD0CF{n:02}}}</ID><NAME>DRM Server Cluster</NAME><ADDRESS type=\"URL\">{u}</ADDRESS></OBJECT></DISTRIBUTIONPOINT>")
            })
            .collect();
        let work = self.range.map(|(f, u)| format!("<WORK><OBJECT type=\"{dt}\"><ID type=\"MS-GUID\">{{5A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9}}</ID></OBJECT><RIGHTSGROUP name=\"Main-Rights\"><RIGHTSLIST><RIGHT name=\"ISSUE\"><CONDITIONLIST><TIME><RANGETIME><FROM>{f}</FROM><UNTIL>{u}</UNTIL></RANGETIME></TIME></CONDITIONLIST></RIGHT></RIGHTSLIST></RIGHTSGROUP></WORK>")).unwrap_or_default();
        let body = format!(
            "<BODY type=\"{}\" version=\"3.0\"><ISSUEDTIME>{}</ISSUEDTIME>{validity}{descriptor}<ISSUER>{}{}</ISSUER><ISSUEDPRINCIPALS><PRINCIPAL internal-id=\"1\">{}{}</PRINCIPAL></ISSUEDPRINCIPALS>{dps}{work}</BODY>",
            self.body_type,
            self.issued,
            self.issuer.xml(),
            pubkey_xml(&self.signer.to_public_key()),
            self.principal.xml(),
            pubkey_xml(&self.principal_key),
        );
        super::signed(&body, self.signer, self.hash, self.purpose)
    }
}

fn server<'a>(guid: &'a str, name: &'a str) -> Obj<'a> {
    Obj {
        ty: "MS-DRM-Server",
        id_type: "MS-GUID",
        id: guid,
        name,
        url: None,
    }
}

fn user(email: &str) -> Obj<'_> {
    Obj {
        ty: "Group-Identity",
        id_type: "Windows",
        id: email,
        name: email,
        url: None,
    }
}

/// A cluster's licences: RAC, CLC, publishing licence, use licence (in that order).
struct Cluster<'a> {
    hash: Hash,
    server_key: &'a RsaPrivateKey,
    guid: &'a str,
    name: &'a str,
    user_key: &'a RsaPrivateKey,
    email: &'a str,
    intranet: &'a str,
    extranet: &'a str,
    rac_validity: (&'a str, &'a str),
}

fn licences(c: &Cluster<'_>) -> [String; 4] {
    let referral = format!("mailto:{}", c.email);
    let urls = [
        ("License-Acquisition-URL", c.intranet),
        ("Extranet-License-Acquisition-URL", c.extranet),
    ];
    let rac = Doc {
        descriptor_type: "Group-Identity-Credential",
        body_type: "LICENSE",
        purpose: None,
        issued: "2026-06-01T10:00",
        validity: Some(c.rac_validity),
        range: None,
        issuer: server(c.guid, c.name),
        signer: c.server_key,
        principal: user(c.email),
        principal_key: c.user_key.to_public_key(),
        urls: &[],
        hash: c.hash,
    };
    let clc = Doc {
        descriptor_type: "Client-Licensor-Certificate",
        urls: &urls,
        validity: None,
        range: Some(("2026-06-01T10:00", "2027-06-01T10:00")),
        ..rac.clone_with()
    };
    let pl_urls = [urls[0], urls[1], ("Referral-Info", referral.as_str())];
    let pl = Doc {
        descriptor_type: "",
        body_type: "Microsoft Rights Label",
        issued: "2026-11-01T09:00",
        validity: Some(("2026-11-01T09:00", "2026-12-15T09:00")),
        issuer: user(c.email),
        signer: c.user_key,
        principal: server(c.guid, c.name),
        principal_key: c.server_key.to_public_key(),
        urls: &pl_urls,
        ..rac.clone_with()
    };
    let ul_urls = [("Referral-Info", referral.as_str())];
    let ul = Doc {
        descriptor_type: "Content-License",
        purpose: Some("Content-License"),
        issued: "2026-11-20T08:00",
        validity: Some(("2026-11-20T08:00", "2027-05-20T08:00")),
        urls: &ul_urls,
        ..rac.clone_with()
    };
    [rac.render(), clc.render(), pl.render(), ul.render()]
}

impl<'a> Doc<'a> {
    fn clone_with(&self) -> Doc<'a> {
        Doc {
            descriptor_type: self.descriptor_type,
            body_type: self.body_type,
            purpose: self.purpose,
            issued: self.issued,
            validity: self.validity,
            range: self.range,
            issuer: Obj { ..self.issuer },
            signer: self.signer,
            principal: Obj { ..self.principal },
            principal_key: self.principal_key.clone(),
            urls: self.urls,
            hash: self.hash,
        }
    }
}

/// Binary bytes around embedded XrML, as in a protected file.
fn protected(docs: &[&String]) -> Vec<u8> {
    let mut b = vec![0x00, 0x9F, 0x92, 0x96, 0x01, 0x00, 0x00, 0x00];
    b.extend_from_slice(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>");
    for d in docs {
        b.extend_from_slice(d.as_bytes());
    }
    b.extend_from_slice(&[0x00, 0xFF, 0x10, 0x20, 0x00]);
    b
}

/// Writes `workbench/`.
pub(super) fn workbench(keys: &Keys, files: &mut Files) -> Result<()> {
    let dir = "workbench";
    // Mode 1: RMS01, the full (test-root) SLC chain, SHA-1 and RSA-1024.
    let spec = ChainSpec {
        hash: Hash::Sha1,
        es_key: "test-enrollment-service-1024",
        server_key: "test-server-rms01-1024",
        server_guid: RMS01_GUID,
        server_name: "RMS01",
        server_url: "http://rms01.contoso.test/_wmcs",
        slc_issued: "2026-01-10T10:00",
        slc_range: ("2026-01-10T10:00", "2027-01-15T10:00"),
        slc_issuer_name: "Microsoft DRM Server Enrollment Service",
        es_issued: "2005-06-17T16:50",
        root_key: "test-root",
        slc_signer: None,
        es_type: "Server-Licensor-Certificate",
    };
    files.add(
        format!("{dir}/mode1/slc-chain.xml"),
        chain(keys, &spec).concat(),
    );
    let m1 = Cluster {
        hash: Hash::Sha1,
        server_key: keys.get("test-server-rms01-1024"),
        guid: RMS01_GUID,
        name: "RMS01",
        user_key: keys.get("test-server-rms03-1024"),
        email: "alice@contoso.test",
        intranet: "https://rms01.contoso.test/_wmcs/licensing",
        extranet: "https://rms.contoso.test/_wmcs/licensing",
        rac_validity: ("2026-06-01T10:00", "2027-06-01T10:00"),
    };
    let [rac, clc, pl, ul] = licences(&m1);
    files.add(
        format!("{dir}/mode1/rac.xml"),
        format!("\u{feff}<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n{rac}\r\n"),
    );
    files.add(
        format!("{dir}/mode1/clc.drm"),
        utf16(
            &format!("<?xml version=\"1.0\" encoding=\"utf-16\"?>{clc}"),
            false,
            true,
        ),
    );
    files.add(
        format!("{dir}/mode1/document.pfile"),
        protected(&[&pl, &ul]),
    );
    // Broken: the mode-1 CLC with a URL changed after signing; a RAC whose issuer ID is not
    // the ID of the key's holder.
    files.add(
        format!("{dir}/broken/clc-tampered.xml"),
        clc.replace("rms01.contoso.test/_wmcs", "evil.example/_wmcs"),
    );
    let wrong_id = Doc {
        descriptor_type: "Group-Identity-Credential",
        body_type: "LICENSE",
        purpose: None,
        issued: "2026-06-01T10:00",
        validity: Some(("2026-06-01T10:00", "2027-06-01T10:00")),
        range: None,
        issuer: server(RMS03_GUID, "RMS01"),
        signer: keys.get("test-server-rms01-1024"),
        principal: user("mallory@contoso.test"),
        principal_key: keys.get("test-server-rms03-1024").to_public_key(),
        urls: &[],
        hash: Hash::Sha1,
    };
    files.add(
        format!("{dir}/broken/rac-wrong-issuer-id.xml"),
        wrong_id.render(),
    );

    // Mode 2: RMS02, SHA-256 and RSA-2048; its SLC alone (the self-enrollment service's
    // certificate is not in the set), in a SOAP CertificateChain.
    let es2 = keys.get("test-enrollment-service-2048");
    let slc2 = Doc {
        descriptor_type: "Server-Licensor-Certificate",
        body_type: "LICENSE",
        purpose: None,
        issued: "2026-02-01T12:00",
        validity: None,
        range: Some(("2026-02-01T12:00", "2255-04-18T16:50")),
        issuer: server(
            "{C1D2E3F4-0A1B-4C2D-8E3F-405162738495}",
            "Microsoft DRM Server Self Enrollment Service",
        ),
        signer: es2,
        principal: Obj {
            url: Some("https://rms02.fabrikam.test/_wmcs"),
            ..server(RMS02_GUID, "RMS02")
        },
        principal_key: keys.get("test-server-rms02-2048").to_public_key(),
        urls: &[],
        hash: Hash::Sha256,
    };
    files.add(
        format!("{dir}/mode2/slc.xml"),
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><CertificateChain><Certificate>{}</Certificate></CertificateChain></soap:Body></soap:Envelope>", slc2.render()),
    );
    let m2 = Cluster {
        hash: Hash::Sha256,
        server_key: keys.get("test-server-rms02-2048"),
        guid: RMS02_GUID,
        name: "RMS02",
        user_key: keys.get("test-wrong-root"),
        email: "bob@fabrikam.test",
        intranet: "https://rms02.fabrikam.test/_wmcs/licensing",
        extranet: "https://rms.fabrikam.test/_wmcs/licensing",
        rac_validity: ("2026-11-22T11:50", "2026-11-22T12:05"),
    };
    let [rac2, clc2, pl2, ul2] = licences(&m2);
    files.add(format!("{dir}/mode2/rac-temporary.xml"), pretty(&rac2));
    files.add(
        format!("{dir}/mode2/clc-response.xml"),
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><LicensorCertificateChain><CLC>{}</CLC></LicensorCertificateChain>", escape(&clc2)),
    );
    files.add(
        format!("{dir}/mode2/protected.bin"),
        protected(&[&pl2, &ul2]),
    );

    // A CLC of a cluster (RMS03) whose SLC is not loaded.
    let orphan = Cluster {
        hash: Hash::Sha1,
        server_key: keys.get("test-impostor"),
        guid: RMS03_GUID,
        name: "RMS03",
        user_key: keys.get("test-server-rms03-1024"),
        email: "carol@contoso.test",
        intranet: "https://rms03.contoso.test/_wmcs/licensing",
        extranet: "https://rms03.contoso.test/_wmcs/licensing",
        rac_validity: ("2026-06-01T10:00", "2027-06-01T10:00"),
    };
    let [_, clc3, _, _] = licences(&orphan);
    files.add(format!("{dir}/orphan/clc-rms03.xml"), clc3);
    Ok(())
}
