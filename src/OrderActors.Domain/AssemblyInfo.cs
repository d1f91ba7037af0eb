using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("OrderActors.Domain.Tests")]
