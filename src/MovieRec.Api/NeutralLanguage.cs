using System.Resources;

// The .resx files without a culture are English; "en" needs no satellite assembly.
[assembly: NeutralResourcesLanguage("en")]
