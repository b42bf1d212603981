//! The request's GUID and key checks, value by value: which spellings of a GUID are one GUID,
//! and the findings a key gives. Made by `cargo xtask mutants`: each case failed with a mutant
//! of `request.rs`'s GUID and key checks.

use slc_courier_core::request::normalise_guid;

#[track_caller]
fn guid(s: &str, expected: Option<(&str, bool)>) {
    assert_eq!(
        normalise_guid(s),
        expected.map(|(g, braces)| (g.to_owned(), braces)),
        "{s:?}"
    );
}

const G: &str = "{6f9619ff-8b86-d011-b42d-00c04fc964ff}";

#[test]
fn a_guid_is_five_hex_groups_of_8_4_4_4_12_in_braces_or_none() {
    guid(G, Some((G, true)));
    guid(
        "  {6F9619FF-8B86-D011-B42D-00C04FC964FF}\n",
        Some((G, true)),
    );
    guid("6F9619FF-8b86-D011-B42D-00C04FC964FF", Some((G, false)));
    // One brace is not a spelling.
    guid("{6F9619FF-8B86-D011-B42D-00C04FC964FF", None);
    guid("6F9619FF-8B86-D011-B42D-00C04FC964FF}", None);
    guid("{{6F9619FF-8B86-D011-B42D-00C04FC964FF}}", None);
    // Four groups, six groups (the first five good), a group one too long or short.
    guid("{6F9619FF-8B86-D011-B42D}", None);
    guid("{6F9619FF-8B86-D011-B42D-00C04FC964FF-0000}", None);
    guid("{6F9619FF0-8B86-D011-B42D-00C04FC964FF}", None);
    guid("{6F9619FF-8B8-D011-B42D-00C04FC964FF}", None);
    guid("{6F9619FF-8B86-D011-B42D-00C04FC964F}", None);
    // The right lengths, but not hex.
    guid("{6F9619FG-8B86-D011-B42D-00C04FC964FF}", None);
    guid("{6F9619FF-8B86-D011-B42D-00C04FC964F }", None);
    guid("", None);
    guid("{}", None);
}
