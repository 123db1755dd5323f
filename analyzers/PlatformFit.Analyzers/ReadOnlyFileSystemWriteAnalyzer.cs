using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.State;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF2003: a file write — <c>File.Write*</c>, a <c>FileStream</c> opened for writing, a directory, a file log
    /// sink, a SQLite database file — to a path outside the writable directories of the platform the project is
    /// deployed to (Lambda: only <c>/tmp</c>). Reported when the path is relative, in the app's directory, or an
    /// absolute path elsewhere; silent for the temporary directory and for paths the code does not reveal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "File", "Directory", "ZipFile", "UseSqlite", "FileStream", "StreamWriter", "FileTarget", "FileAppender", "RollingFileAppender",
        "SqliteConnection", "SQLiteConnection")]
    public sealed class ReadOnlyFileSystemWriteAnalyzer : DiagnosticAnalyzer
    {
        private const int FileModeCreateNew = 1;
        private const int FileModeOpen = 3;
        private const int FileModeAppend = 6;
        private const int FileAccessRead = 1;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF2003);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = new List<PlatformUnit>();
            foreach (var bound in deployment.Units)
            {
                if (Core.Platforms.PlatformProfiles.Find(bound.Unit.Platform) is { WritablePaths.Count: > 0 } profile)
                {
                    units.Add(new PlatformUnit(bound, profile));
                }
            }

            if (units.Count == 0)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(
                c => AnalyzeWrite(c, deployment, units),
                SyntaxKind.InvocationExpression,
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        }

        private static void AnalyzeWrite(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<PlatformUnit> units)
        {
            var node = context.Node;
            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var (name, nameLocation) = CandidateName(node);
            if (name is null || nameLocation is null || !FileWriteApi.ByName.TryGetValue(name, out var apis))
            {
                return;
            }

            apis = apis.Where(api => ReadsLikeTheApi(api, node)).ToImmutableArray();
            if (apis.IsEmpty)
            {
                return;
            }

            var operation = model.GetOperation(node, cancellationToken);
            var api = Match(node, operation, apis, model, cancellationToken);
            if (api is null)
            {
                return;
            }

            var path = WrittenPathOf(api, node, operation, model, cancellationToken, out var readWriteByDefault);
            if (path.Origin == PathOrigin.Unknown)
            {
                return;
            }

            var exposed = units
                .Select(u => (Unit: u, Where: path.OutsideOf(u.Profile.WritablePaths)))
                .Where(u => u.Where is not null)
                .ToList();
            if (exposed.Count == 0)
            {
                return;
            }

            var reaching = ReachingUnits.Of(model, node, exposed.Select(e => e.Unit.Bound), cancellationToken);
            if (reaching.Count == 0)
            {
                return;
            }

            var first = exposed.First(e => e.Unit.Bound == reaching[0].Unit);
            var where = readWriteByDefault ? first.Where + ", opened for reading and writing (FileMode.Open without FileAccess.Read)" : first.Where!;
            var writable = string.Join(" and ", first.Unit.Profile.WritablePaths.Select(w => w.Path));
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF2003,
                nameLocation,
                reaching,
                UnitFinding.DeclarationOf,
                $"'{api.DisplayName}' writes to {first.Where}",
                r => new object[] { api.DisplayName, where, r.Unit.Unit.Name, deployment.Display(r.Unit.Unit.Declaration), writable });
        }

        /// <summary>The name a candidate is looked up by (the member, or the created type) and where a finding would sit.</summary>
        private static (string? Name, Location? Location) CandidateName(SyntaxNode node)
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name,
                        MemberBindingExpressionSyntax binding => binding.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    return (name?.Identifier.ValueText, name?.GetLocation());
                case ObjectCreationExpressionSyntax creation:
                    var type = creation.Type is QualifiedNameSyntax qualified ? qualified.Right : creation.Type as SimpleNameSyntax;
                    return (type?.Identifier.ValueText, creation.Type.GetLocation());
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    // FileStream stream = new(path, FileMode.Create): the declared type names the API.
                    return (TargetTypedNew.DeclaredTypeName(implicitCreation), implicitCreation.NewKeyword.GetLocation());
                default:
                    return (null, null);
            }
        }

        /// <summary>
        /// The syntactic filter before binding: a call to a static class's method must name the class
        /// (<c>File.Create</c>, <c>System.IO.File.Create</c>), which keeps the many other <c>Create</c>, <c>Copy</c>
        /// and <c>Open</c> methods from being bound at all.
        /// </summary>
        private static bool ReadsLikeTheApi(FileWriteApi api, SyntaxNode node)
        {
            if (api.Member == FileWriteApi.Constructor || api.DeclaringType.EndsWith("Extensions", StringComparison.Ordinal))
            {
                return true;
            }

            var typeName = api.DeclaringType.Substring(api.DeclaringType.LastIndexOf('.') + 1);
            return node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                && member.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText == typeName,
                    MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText == typeName,
                    _ => false,
                };
        }

        /// <summary>
        /// The API the call is: by symbol where it resolves (a method of another type with the same name is a
        /// look-alike), by name where it does not (an un-restored Serilog, NLog or SQLite package).
        /// </summary>
        private static FileWriteApi? Match(SyntaxNode node, IOperation? operation, ImmutableArray<FileWriteApi> apis, SemanticModel model, CancellationToken cancellationToken)
        {
            var info = model.GetSymbolInfo(node, cancellationToken);
            var candidates = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
            foreach (var candidate in candidates.OfType<IMethodSymbol>())
            {
                var method = candidate.ReducedFrom ?? candidate;
                var declaringType = method.ContainingType?.ToDisplayString();
                var member = method.MethodKind == MethodKind.Constructor ? FileWriteApi.Constructor : method.Name;
                if (apis.FirstOrDefault(a => a.DeclaringType == declaringType && a.Member == member) is { } api)
                {
                    return api;
                }
            }

            if (!candidates.IsEmpty || operation is not (null or IInvalidOperation))
            {
                return null;
            }

            // Name-based: Serilog's sink must hang off WriteTo; the others have read like the API already.
            foreach (var api in apis)
            {
                var isSerilog = api.DeclaringType == "Serilog.FileLoggerConfigurationExtensions";
                if (!isSerilog || node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WriteTo" } or IdentifierNameSyntax { Identifier.ValueText: "WriteTo" } } })
                {
                    return api;
                }
            }

            return null;
        }

        private static WrittenPath WrittenPathOf(FileWriteApi api, SyntaxNode node, IOperation? operation, SemanticModel model, CancellationToken cancellationToken, out bool readWriteByDefault)
        {
            readWriteByDefault = false;
            switch (api.Kind)
            {
                case PathArgumentKind.Path:
                    return WrittenPath.Of(Argument(api.Parameter, api.Position, node, operation, model, cancellationToken), model, cancellationToken);
                case PathArgumentKind.PathWithFileMode:
                    var mode = Argument("mode", 1, node, operation, model, cancellationToken)?.ConstantValue;
                    var access = Argument("access", 2, node, operation, model, cancellationToken)?.ConstantValue;
                    int? accessValue = access is { HasValue: true, Value: int value } ? value : null;
                    if (mode is not { HasValue: true, Value: int modeValue } || !OpensForWriting(modeValue, accessValue))
                    {
                        return WrittenPath.Of(null, model, cancellationToken);
                    }

                    readWriteByDefault = modeValue == FileModeOpen && accessValue is null;
                    return WrittenPath.Of(Argument(api.Parameter, api.Position, node, operation, model, cancellationToken), model, cancellationToken);
                case PathArgumentKind.SqliteConnectionString:
                    return SqliteDataSource.Of(Argument(api.Parameter, api.Position, node, operation, model, cancellationToken), model, cancellationToken);
                case PathArgumentKind.InitializerProperty:
                    return LogFilePath(InitializerValue(node, api.Parameter, model, cancellationToken), model, cancellationToken);
                default:
                    return WrittenPath.Of(null, model, cancellationToken);
            }
        }

        /// <summary>
        /// Every mode but Open creates, truncates or appends; Open writes unless the access says Read (FileStream
        /// and File.Open default to read/write, which a read-only file system refuses).
        /// </summary>
        private static bool OpensForWriting(int mode, int? access) =>
            access is { } value ? value != FileAccessRead : mode is >= FileModeCreateNew and <= FileModeAppend;

        /// <summary>NLog and log4net layouts: <c>${basedir}</c> is the app's directory, <c>${tempdir}</c> the temporary one.</summary>
        private static WrittenPath LogFilePath(IOperation? value, SemanticModel model, CancellationToken cancellationToken)
        {
            var path = WrittenPath.Of(value, model, cancellationToken);
            if (path.Origin != PathOrigin.Literal || !path.Text.StartsWith("${", StringComparison.Ordinal))
            {
                return path;
            }

            return path.Text.StartsWith("${basedir}", StringComparison.OrdinalIgnoreCase) ? new WrittenPath(PathOrigin.AppDirectory, "${basedir}")
                : path.Text.StartsWith("${tempdir}", StringComparison.OrdinalIgnoreCase) ? new WrittenPath(PathOrigin.TempDirectory, "${tempdir}")
                : WrittenPath.FromLiteral(null);
        }

        /// <summary>The argument bound to a parameter; by name or position (receiver excluded) where the call does not bind.</summary>
        private static IOperation? Argument(string parameter, int position, SyntaxNode node, IOperation? operation, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => default(ImmutableArray<IArgumentOperation>?),
            };
            if (arguments is { } bound)
            {
                var match = bound.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue);
                return match?.Value;
            }

            var syntax = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (syntax is null)
            {
                return null;
            }

            var named = syntax.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter);
            var positional = named ?? (position < syntax.Arguments.Count && syntax.Arguments[position].NameColon is null ? syntax.Arguments[position] : null);
            return positional is null ? null : model.GetOperation(positional.Expression, cancellationToken);
        }

        private static IOperation? InitializerValue(SyntaxNode node, string property, SemanticModel model, CancellationToken cancellationToken)
        {
            var initializer = (node as BaseObjectCreationExpressionSyntax)?.Initializer;
            var assignment = initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == property);
            return assignment is null ? null : model.GetOperation(assignment.Right, cancellationToken);
        }
    }
}
