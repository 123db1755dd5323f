using System;
using System.Collections.Generic;

namespace PlatformFit.Core.Platforms
{
    /// <summary>
    /// What a platform allows, read from <c>rules/platforms/&lt;id&gt;.yaml</c>: limits, the deploy tools' defaults,
    /// front doors and runtimes, each with the public source it rests on.
    /// </summary>
    public sealed class PlatformProfile
    {
        public PlatformProfile(
            string id,
            string name,
            IReadOnlyDictionary<string, PlatformSource> sources,
            IReadOnlyDictionary<string, PlatformLimit> limits,
            IReadOnlyDictionary<string, ToolDefaults> toolDefaults,
            IReadOnlyDictionary<string, FrontDoorCapability> frontDoors,
            IReadOnlyList<RuntimeLifecycle> runtimes)
        {
            Id = id;
            Name = name;
            Sources = sources;
            Limits = limits;
            ToolDefaults = toolDefaults;
            FrontDoors = frontDoors;
            Runtimes = runtimes;
        }

        public string Id { get; }

        public string Name { get; }

        public IReadOnlyDictionary<string, PlatformSource> Sources { get; }

        public IReadOnlyDictionary<string, PlatformLimit> Limits { get; }

        public IReadOnlyDictionary<string, ToolDefaults> ToolDefaults { get; }

        /// <summary>Front doors by profile key (<c>http-api</c>, <c>alb</c>, …).</summary>
        public IReadOnlyDictionary<string, FrontDoorCapability> FrontDoors { get; }

        public IReadOnlyList<RuntimeLifecycle> Runtimes { get; }

        /// <summary>The instruction sets functions run on, and the default; null when the profile names none.</summary>
        public ArchitectureSupport? Architectures { get; init; }

        /// <summary>Runtime identifiers of other languages, by prefix; null when the profile names none.</summary>
        public OtherLanguageRuntimes? OtherLanguageRuntimes { get; init; }

        /// <summary>The runtime with this id (ordinal: the platform's ids are lower case), or null when the profile does not list it.</summary>
        public RuntimeLifecycle? Runtime(string id)
        {
            foreach (var runtime in Runtimes)
            {
                if (string.Equals(runtime.Id, id, StringComparison.Ordinal))
                {
                    return runtime;
                }
            }

            return null;
        }

        /// <summary>How the platform runs code between invocations; null when the profile does not say.</summary>
        public ExecutionModel? ExecutionModel { get; init; }

        /// <summary>The directories code may write to (<c>/tmp</c> on Lambda); empty when the profile names none.</summary>
        public IReadOnlyList<WritablePath> WritablePaths { get; init; } = Array.Empty<WritablePath>();

        /// <summary>How the platform runs code across and between invocations, by key (<c>frozen-between-invocations</c>, …).</summary>
        public IReadOnlyDictionary<string, ExecutionTrait> Execution { get; init; } = new Dictionary<string, ExecutionTrait>();

        /// <summary>The execution trait when the profile states it and it holds; null otherwise.</summary>
        public ExecutionTrait? ExecutionTraitThatHolds(string key) =>
            Execution.TryGetValue(key, out var trait) && trait.Holds ? trait : null;

        /// <summary>Whether anything can open a connection to the platform's code (<c>inbound-network</c>); null when the profile does not say.</summary>
        public PlatformCapability? InboundNetwork { get; init; }

        /// <summary>
        /// Whether a limit of this profile binds the unit: not when the unit is, or may be (its capacity provider is
        /// unknown), on managed instances and the profile says they lift that limit.
        /// </summary>
        public bool LimitBinds(Model.DeploymentUnit unit, string limitKey) =>
            unit.ManagedInstances.State == Model.ValueState.Absent || ManagedInstances?.Exempts(limitKey) != true;

        /// <summary>Library base classes a handler type derives from, with the methods a handler names on them (<c>handler-base-classes</c>).</summary>
        public HandlerBaseClasses? HandlerBaseClasses { get; init; }

        /// <summary>How functions on the account's own instances differ (<c>managed-instances</c>); null when the platform has none.</summary>
        public ManagedInstances? ManagedInstances { get; init; }

        /// <summary>The defaults a deploy tool applies, or an empty set when the profile names none for it.</summary>
        public ToolDefaults ToolDefaultsFor(string tool) =>
            ToolDefaults.TryGetValue(tool, out var defaults) ? defaults : new ToolDefaults(null, null, null);

        public FrontDoorCapability? FrontDoor(string key) => FrontDoors.TryGetValue(key, out var door) ? door : null;

        /// <summary>The URL behind a source key, or null for an unknown key.</summary>
        public string? SourceUrl(string? key) => key is not null && Sources.TryGetValue(key, out var source) ? source.Url : null;
    }

    /// <summary>A public page a number was read from, and when.</summary>
    public sealed record PlatformSource(string Key, string Url, string? Read);

    /// <summary>A numeric limit: <c>memory-mb: { min: 128, max: 10240, default: 128, source: A1 }</c>.</summary>
    public sealed record PlatformLimit(string Name, long? Min, long? Max, long? Default, string? Source);

    /// <summary>
    /// A directory code may write to: <c>{ path: /tmp, temp-directory: true, source: A6 }</c>.
    /// <paramref name="IsTempDirectory"/>: <c>Path.GetTempPath()</c> resolves to it on the platform.
    /// </summary>
    public sealed record WritablePath(string Path, bool IsTempDirectory, string? Source);

    /// <summary>
    /// A fact about how the platform runs code: <c>frozen-between-invocations: { value: true, source: A4, note: "…" }</c>.
    /// The keys the rules read are the constants of <see cref="ExecutionTraits"/>.
    /// </summary>
    public sealed record ExecutionTrait(string Key, bool Holds, string? Source, string? Note);

    /// <summary>The execution trait keys of <c>rules/platforms/*.yaml</c> that rules read.</summary>
    public static class ExecutionTraits
    {
        /// <summary>The platform runs many instances of the code, each with its own memory.</summary>
        public const string IsolatedInstanceMemory = "isolated-instance-memory";

        /// <summary>Instances are reused across requests and recycled at the platform's discretion.</summary>
        public const string RecycledInstances = "recycled-instances";

        /// <summary>The platform suspends the process between invocations: nothing runs unless a request is in flight.</summary>
        public const string FrozenBetweenInvocations = "frozen-between-invocations";
    }

    /// <summary>A deploy tool's defaults for absent keys.</summary>
    public sealed record ToolDefaults(int? MemoryMb, int? TimeoutSeconds, string? Source);

    /// <summary>How a front door handles WebSocket connections.</summary>
    public enum WebSocketSupport
    {
        /// <summary>Upgrade requests are rejected or never forwarded: a WebSocket server behind it cannot work.</summary>
        None,

        /// <summary>The front door holds the connection and invokes the function per message (API Gateway WebSocket API).</summary>
        Managed,

        /// <summary>The connection reaches the code (a container behind a load balancer).</summary>
        PassThrough,
    }

    /// <summary>A front door's capabilities: <c>alb: { websocket: false, source: E1 }</c>.</summary>
    public sealed record FrontDoorCapability(string Key, WebSocketSupport WebSocket, int? IntegrationTimeoutMs, string? Source, string? Note)
    {
        /// <summary>
        /// Whether a config may set a longer integration timeout than <see cref="IntegrationTimeoutMs"/> (a Regional
        /// REST API); otherwise that number is the ceiling whatever the config says.
        /// </summary>
        public bool IntegrationTimeoutRaisable { get; init; }

        /// <summary>How the door delivers an HTTP response; null for doors that return none to a client (queues, WebSocket API).</summary>
        public ResponseDelivery? Response { get; init; }
    }

    /// <summary>
    /// How the platform runs code: <c>execution-model: { reuses-environment: true, source: A5 }</c> says that code run
    /// at start-up serves many invocations, so what it creates (clients, connections) is reused by them.
    /// </summary>
    public sealed record ExecutionModel(bool ReusesEnvironment, string? Source);

    /// <summary>
    /// How an HTTP front door delivers the function's response: <c>response: { streams-when: RESPONSE_STREAM, source: A9 }</c>.
    /// </summary>
    /// <param name="StreamsWhen">The config value (a function URL's InvokeMode, a REST API's transfer mode) that makes the door stream; null when it always buffers.</param>
    /// <param name="MaxBytes">The largest buffered response the door passes, where the door's own limit applies on top of the platform's.</param>
    /// <param name="Source">The source key of these facts.</param>
    public sealed record ResponseDelivery(string? StreamsWhen, long? MaxBytes, string Source);

    /// <summary>
    /// Base classes from the platform's libraries (<c>APIGatewayProxyFunction</c> …) by simple name, and the public
    /// methods a handler string names on a type derived from one of them (<c>FunctionHandlerAsync</c>).
    /// </summary>
    public sealed record HandlerBaseClasses(IReadOnlyList<string> Types, IReadOnlyList<string> Methods, string Source)
    {
        public bool Contains(string? typeName) => typeName is not null && System.Linq.Enumerable.Contains(Types, typeName, StringComparer.Ordinal);
    }

    /// <summary>
    /// Lambda Managed Instances: <c>ExemptLimits</c> are the standard quotas (keys of <c>limits</c>) that do not hold for
    /// a function with a capacity provider; <c>ConcurrentRequests</c> says one process serves many requests at once.
    /// </summary>
    public sealed record ManagedInstances(IReadOnlyList<string> ExemptLimits, bool ConcurrentRequests, string Source)
    {
        public bool Exempts(string limitKey) => System.Linq.Enumerable.Contains(ExemptLimits, limitKey, StringComparer.Ordinal);
    }

    /// <summary>A yes/no fact about a platform with its source: <c>inbound-network: { allowed: false, source: A13 }</c>.</summary>
    public sealed record PlatformCapability(string Name, bool Allowed, string Source);

    /// <summary>A runtime's lifecycle dates (ISO dates as written, compared as dates by the rules that need them).</summary>
    public sealed record RuntimeLifecycle(string Id, string? Framework, DateTime? Deprecated, DateTime? BlockCreate, DateTime? BlockUpdate, bool ImageOnly, bool OsOnly, string? Source)
    {
        /// <summary>The runtime to move to when this one retires, e.g. <c>dotnet10</c>; null for the newest.</summary>
        public string? Successor { get; init; }

        /// <summary>The sources give only the year of the dates (each is that year's last day); messages state the year.</summary>
        public bool YearOnlyDates { get; init; }

        /// <summary>How a message states one of the dates: <c>2023-04-03</c>, or <c>2019</c> when only the year is known.</summary>
        public string DateText(DateTime date) =>
            YearOnlyDates ? date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The instruction sets a platform runs: the one a unit gets when its config names none, and the architecture
    /// part of the .NET runtime identifier that builds for each (<c>arm64</c> → <c>linux-arm64</c>).
    /// </summary>
    public sealed record ArchitectureSupport(string Default, IReadOnlyDictionary<string, string> RuntimeIdentifierSuffixes, string Source);

    /// <summary>Runtime identifier prefixes of languages other than .NET (<c>nodejs</c>, <c>python</c> …).</summary>
    public sealed record OtherLanguageRuntimes(IReadOnlyList<string> Prefixes, string Source)
    {
        /// <summary>Whether the runtime id belongs to one of those languages (<c>nodejs22.x</c>, <c>python3.13</c>).</summary>
        public bool Contains(string runtimeId)
        {
            foreach (var prefix in Prefixes)
            {
                if (runtimeId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
