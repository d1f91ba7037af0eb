using System.Text;
using System.Text.Json;
using OrderActors.Cli.Http;

namespace OrderActors.Cli.Access;

/// <summary>
/// The sign-in kept between runs: <c>$XDG_CONFIG_HOME/orderactors/credentials.json</c> (else
/// <c>~/.config/orderactors/credentials.json</c>), readable by its owner only (file 600, directory 700).
/// </summary>
public sealed class CredentialStore
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Json = new(HubJson.Options) { WriteIndented = true };

    private CredentialStore(string? path) => FilePath = path;

    /// <summary>The credentials file; null when neither XDG_CONFIG_HOME nor HOME says where the user's config lives.</summary>
    public string? FilePath { get; }

    public static CredentialStore For(CliEnvironment environment)
    {
        string? configHome = environment["XDG_CONFIG_HOME"] ?? (environment["HOME"] is { } home ? Path.Combine(home, ".config") : null);
        return new CredentialStore(configHome is null ? null : Path.Combine(configHome, "orderactors", "credentials.json"));
    }

    /// <summary>The stored sign-in, or null when there is none.</summary>
    /// <exception cref="CredentialStoreException">The file exists but cannot be read as a sign-in.</exception>
    public StoredCredential? Load()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return null;
        }
        try
        {
            StoredCredential? stored = JsonSerializer.Deserialize<StoredCredential>(File.ReadAllText(FilePath), Json);
            return stored is { Server.Length: > 0, AccessToken.Length: > 0 }
                ? stored
                : throw new CredentialStoreException($"{FilePath} holds no sign-in");
        }
        catch (Exception unreadable) when (unreadable is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CredentialStoreException($"cannot read {FilePath} ({unreadable.Message})", unreadable);
        }
    }

    /// <summary>
    /// Writes the sign-in to a new owner-only file beside the old one and renames it over the old one, so that a reader
    /// sees either the old sign-in or the new one, never half of one, and no other user ever could read it.
    /// </summary>
    public void Save(StoredCredential credential)
    {
        string path = FilePath ?? throw new CredentialStoreException("neither XDG_CONFIG_HOME nor HOME is set, so there is nowhere to keep the sign-in");
        string directory = Path.GetDirectoryName(path)!;
        string temporary = Path.Combine(directory, $".credentials.{Guid.NewGuid():N}.tmp");
        try
        {
            CreateOwnerOnlyDirectory(directory);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }
            using (var file = new FileStream(temporary, options))
            {
                file.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(credential, Json)));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
            throw new CredentialStoreException($"cannot write {path} ({failure.Message})", failure);
        }
    }

    /// <summary>Removes the sign-in; false when there was none.</summary>
    public bool Delete()
    {
        if (FilePath is null || !File.Exists(FilePath))
        {
            return false;
        }
        File.Delete(FilePath);
        return true;
    }

    private static void CreateOwnerOnlyDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        // A directory that was already there keeps its mode through CreateDirectory; ours is for this file only.
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
    }
}

/// <summary>The credentials file could not be read or written.</summary>
public sealed class CredentialStoreException(string message, Exception? inner = null) : Exception(message, inner);
