using OrderActors.Connectors.Reading;

namespace OrderActors.Connectors.Mapping;

/// <summary>
/// One receiver field (name, phone or street) that a platform may send plain, masked or as ciphertext, each under
/// its own key. Ciphertext is kept as written: only the platform's decrypt API can turn it into text.
/// </summary>
internal readonly record struct Receiving(string? Text, bool Encrypted)
{
    /// <summary>The plain field if present, else the masked one, else the encrypted one.</summary>
    public static Receiving Read(PayloadReader reader, string plain, string masked, string encrypted)
    {
        foreach (string field in new[] { plain, masked })
        {
            if (reader.Note(field) is { } text)
            {
                return new Receiving(text, LooksEncrypted(text));
            }
        }
        return reader.Note(encrypted) is { } cipher ? new Receiving(cipher, true) : default;
    }

    /// <summary>Platform ciphertext is wrapped in marker characters ("##…##", "$$…$$", "#…#", "~…~") around a long base64 body.</summary>
    public static bool LooksEncrypted(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length >= 12
            && trimmed[0] is '#' or '$' or '~'
            && trimmed[^1] == trimmed[0];
    }
}
