using Orleans;

namespace OrderActors.Abstractions.Errors;

/// <summary>
/// A command that the current status does not allow (HTTP 409). The status travels in Data, which
/// Orleans' exception codec carries across silos along with the message, stack trace and inner exception.
/// </summary>
[GenerateSerializer, Alias("oa.IllegalTransitionException")]
public sealed class IllegalTransitionException : Exception
{
    public IllegalTransitionException(string message) : base(message)
    {
    }

    public IllegalTransitionException(string subject, string currentStatus, string attempted)
        : base($"{subject} is {currentStatus}: cannot {attempted}.")
    {
        Data["currentStatus"] = currentStatus;
    }

    public string? CurrentStatus => Data["currentStatus"] as string;
}

/// <summary>A command whose input is wrong (HTTP 400); Data["field"] names the field.</summary>
[GenerateSerializer, Alias("oa.CommandValidationException")]
public sealed class CommandValidationException : Exception
{
    public CommandValidationException(string message) : base(message)
    {
    }

    public CommandValidationException(string field, string message) : base(message)
    {
        Data["field"] = field;
    }

    public string? Field => Data["field"] as string;
}

/// <summary>Something the command refers to does not exist (HTTP 404).</summary>
[GenerateSerializer, Alias("oa.NotFoundException")]
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The command conflicts with the current data, e.g. on-hand set below what is reserved (HTTP 409).</summary>
[GenerateSerializer, Alias("oa.ConflictException")]
public sealed class ConflictException(string message) : Exception(message);

/// <summary>
/// A change could not be stored, so it did not happen: the object is as it was before the request (HTTP 503). Retrying
/// is safe, with the same idempotency key too.
/// </summary>
[GenerateSerializer, Alias("oa.StateNotStoredException")]
public sealed class StateNotStoredException(string message) : Exception(message);
