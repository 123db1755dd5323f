using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// Which session, cache and SignalR registrations a project makes anywhere in its code, by name (so that a
    /// registration from a package that did not restore still counts). Read once per compilation, and only when
    /// a rule has found a candidate that needs it; each file's text is searched before its syntax is walked.
    /// A registration anywhere counts, reachable or not: when in doubt the rules stay silent.
    /// </summary>
    internal sealed class SharedStateRegistrations
    {
        public const string AddSession = "AddSession";
        public const string AddDistributedMemoryCache = "AddDistributedMemoryCache";

        /// <summary>Registrations of an <c>IDistributedCache</c> that instances share.</summary>
        private static readonly ImmutableHashSet<string> SharedCaches = ImmutableHashSet.Create(
            "AddStackExchangeRedisCache", "AddDistributedRedisCache", "AddDistributedSqlServerCache", "AddCosmosCache",
            "AddAWSDynamoDBDistributedCache", "AddDistributedDynamoDbCache", "AddEnyimMemcached", "AddDistributedPostgreSqlCache",
            "AddDistributedMySqlCache", "AddNCacheDistributedCache");

        /// <summary>SignalR backplanes and the Azure SignalR Service, which carry hub messages between instances.</summary>
        private static readonly ImmutableHashSet<string> Backplanes = ImmutableHashSet.Create(
            "AddStackExchangeRedis", "AddRedis", "AddAzureSignalR", "AddOrleans");

        private const string DistributedCacheInterface = "IDistributedCache";
        private const string MemoryDistributedCache = "MemoryDistributedCache";

        private SharedStateRegistrations(bool session, bool memoryCache, bool sharedCache, bool backplane)
        {
            HasSession = session;
            HasMemoryDistributedCache = memoryCache;
            HasSharedCache = sharedCache;
            HasBackplane = backplane;
        }

        public bool HasSession { get; }

        /// <summary>An <c>AddDistributedMemoryCache()</c> call, where the rule reports an in-memory session store.</summary>
        public bool HasMemoryDistributedCache { get; }

        /// <summary>A shared cache by a known name, or the app's own <c>IDistributedCache</c> registration.</summary>
        public bool HasSharedCache { get; }

        public bool HasBackplane { get; }

        public static SharedStateRegistrations Of(Compilation compilation, CancellationToken cancellationToken)
        {
            bool session = false, memoryCache = false, sharedCache = false, backplane = false;
            var interesting = SharedCaches.Concat(Backplanes).Concat(new[] { AddSession, AddDistributedMemoryCache, DistributedCacheInterface }).ToArray();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                if (!interesting.Any(name => text.IndexOf(name, System.StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation when StartUpCode.InvokedName(invocation.Expression) is { } name:
                            session |= name == AddSession;
                            memoryCache |= name == AddDistributedMemoryCache;
                            sharedCache |= SharedCaches.Contains(name);
                            backplane |= Backplanes.Contains(name);
                            break;
                        case TypeArgumentListSyntax arguments when arguments.Arguments.FirstOrDefault() is { } first && Names(first, DistributedCacheInterface):
                            // services.AddSingleton<IDistributedCache, MyCache>(): the app's own cache, unless it is the in-memory one.
                            sharedCache |= !(arguments.Arguments.Count > 1 && Names(arguments.Arguments[1], MemoryDistributedCache));
                            break;
                        case TypeOfExpressionSyntax typeOf when Names(typeOf.Type, DistributedCacheInterface):
                            sharedCache = true;
                            break;
                    }
                }
            }

            return new SharedStateRegistrations(session, memoryCache, sharedCache, backplane);
        }

        private static bool Names(TypeSyntax type, string name) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == name,
            _ => false,
        };
    }
}
