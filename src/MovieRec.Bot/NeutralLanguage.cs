using System.Resources;

// Texts.resx, without a culture, is English; "en" needs no satellite assembly.
[assembly: NeutralResourcesLanguage("en")]
