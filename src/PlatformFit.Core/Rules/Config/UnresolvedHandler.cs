using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF4005: a .NET handler string that names nothing the project builds — an assembly name that differs from the
    /// project's only in case, a type that does not exist (a wrong namespace is the classic), a method that does not
    /// exist or is not public, or the executable form for a project without an entry point — with the nearest name
    /// as a suggestion. Lambda Annotations handlers (<c>Ns.Type_Method_Generated::Method</c>) resolve to the
    /// attributed method. Silent for container images and for runtimes that do not load the handler as .NET
    /// (OS-only runtimes run <c>bootstrap</c>; other languages are PF4003's).
    /// </summary>
    public static class UnresolvedHandler
    {
        private const string GeneratedSuffix = "_Generated";

        /// <summary>Checks a handler bound to the project described by <paramref name="code"/>.</summary>
        public static ConfigFinding? Check(DeploymentUnit unit, HandlerReference handler, IHandlerCode code)
        {
            if (!unit.Handler.TryGetValue(out var written) || unit.Handler.Span is null || !LoadsDotNetHandler(unit, handler))
            {
                return null;
            }

            if (!string.Equals(handler.Assembly, code.AssemblyName, StringComparison.Ordinal))
            {
                return string.Equals(handler.Assembly, code.AssemblyName, StringComparison.OrdinalIgnoreCase)
                    ? Finding(unit, written, $"the project's assembly is '{code.AssemblyName}', and Lambda looks for '{handler.Assembly}.dll' on a case-sensitive Linux file system", handler with { Assembly = code.AssemblyName })
                    : null;
            }

            if (handler.TypeName is not { } typeName || handler.MethodName is not { } methodName)
            {
                return code.EntryPoint switch
                {
                    EntryPointState.Library => Finding(unit, written, $"'{code.AssemblyName}' is a class library (OutputType Library), and a handler that names only the assembly runs the program's entry point", null),
                    EntryPointState.Missing => Finding(unit, written, $"'{code.AssemblyName}' has no Main method and no top-level statements, and a handler that names only the assembly runs the program's entry point", null),
                    _ => null,
                };
            }

            var type = code.FindType(typeName) ?? AnnotatedType(code, typeName, methodName);
            if (type is null)
            {
                if (code.InExcludedCode(SimpleName(typeName)))
                {
                    return null;
                }

                var suggestion = NearestType(typeName, code.TypeNames);
                return Finding(unit, written, $"assembly '{code.AssemblyName}' has no type '{typeName}'", suggestion is null ? null : handler with { TypeName = suggestion });
            }

            var methods = MethodsWithKnownBase(unit, type);
            var named = methods.Where(m => string.Equals(m.Name, methodName, StringComparison.Ordinal)).ToList();
            if (named.Count == 0)
            {
                if ((type.HasUnresolvedBase && ReferenceEquals(methods, type.Methods)) || code.InExcludedCode(methodName))
                {
                    return null;
                }

                var publicNames = methods.Where(m => m.IsPublic).Select(m => m.Name).Distinct(StringComparer.Ordinal);
                var suggestion = NearestName.Find(methodName, publicNames);
                return Finding(unit, written, $"type '{type.MetadataName}' has no method '{methodName}'", suggestion is null ? null : handler with { MethodName = suggestion });
            }

            return named.Any(m => m.IsPublic)
                ? null
                : Finding(unit, written, $"method '{type.MetadataName}.{methodName}' is not public, and Lambda calls only public methods", null);
        }

        /// <summary>
        /// The CLI's check for a unit no project binds to: its .NET handler names an assembly that no project of the
        /// repository builds. Needs at least one project; suggests the nearest assembly name.
        /// </summary>
        public static ConfigFinding? CheckAssemblyIsBuilt(DeploymentUnit unit, IReadOnlyCollection<string> assemblyNames)
        {
            if (assemblyNames.Count == 0 || !unit.Handler.TryGetValue(out var written) || unit.Handler.Span is null
                || HandlerReference.Parse(written) is not { } handler || !LoadsDotNetHandler(unit, handler)
                || assemblyNames.Any(name => string.Equals(name, handler.Assembly, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            var suggestion = NearestName.Find(handler.Assembly, assemblyNames);
            return Finding(unit, written, $"no project in the repository builds an assembly named '{handler.Assembly}'", suggestion is null ? null : handler with { Assembly = suggestion });
        }

        /// <summary>
        /// Whether the unit's runtime loads the handler as .NET code: a managed .NET runtime (one the profile lists, or any
        /// other <c>dotnet…</c> id), or — when the runtime is not known — the class-library form, which no other
        /// language's handler has (<c>::</c>).
        /// </summary>
        private static bool LoadsDotNetHandler(DeploymentUnit unit, HandlerReference handler)
        {
            if (unit.IsImage)
            {
                return false;
            }

            if (!unit.Runtime.TryGetValue(out var id))
            {
                return !handler.IsExecutable;
            }

            // A .NET runtime the profile does not list (an id newer or older than its table) still loads .NET handlers.
            return PlatformProfiles.Find(unit.Platform)?.Runtime(id) is { OsOnly: false, Framework: not null }
                || (id.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase) && PlatformProfiles.Find(unit.Platform)?.Runtime(id) is null);
        }

        /// <summary>
        /// The methods Lambda can call on the type: its own and its base types', and, when the base type that does not
        /// resolve is one the platform profile knows (<c>APIGatewayProxyFunction</c> and its kin), the handler methods
        /// it declares. For any other unresolved base the type's own list, which the caller cannot judge.
        /// </summary>
        private static IReadOnlyList<HandlerMethod> MethodsWithKnownBase(DeploymentUnit unit, HandlerType type)
        {
            if (!type.HasUnresolvedBase || PlatformProfiles.Find(unit.Platform)?.HandlerBaseClasses is not { } bases || !bases.Contains(type.UnresolvedBaseName))
            {
                return type.Methods;
            }

            return type.Methods.Concat(bases.Methods.Select(name => new HandlerMethod(name, IsPublic: true))).ToList();
        }

        /// <summary>
        /// Lambda Annotations deploys the generated wrapper <c>Ns.Functions_Add_Generated::Add</c>, which a scan that
        /// runs no source generator does not have: the attributed method <c>Ns.Functions.Add</c> stands for it.
        /// </summary>
        private static HandlerType? AnnotatedType(IHandlerCode code, string typeName, string methodName)
        {
            var generated = "_" + methodName + GeneratedSuffix;
            return typeName.EndsWith(generated, StringComparison.Ordinal) && typeName.Length > generated.Length
                ? code.FindType(typeName.Substring(0, typeName.Length - generated.Length))
                : null;
        }

        /// <summary>A type with the same name in another namespace first (the classic), else the nearest full name.</summary>
        private static string? NearestType(string wanted, IEnumerable<string> typeNames)
        {
            var names = typeNames.Where(n => n.IndexOf('<') < 0).ToList();
            var simple = SimpleName(wanted);
            var sameName = names.Where(n => string.Equals(SimpleName(n), simple, StringComparison.Ordinal)).ToList();
            if (sameName.Count > 0)
            {
                return sameName
                    .OrderBy(n => NearestName.EditDistance(wanted, n))
                    .ThenBy(n => n, StringComparer.Ordinal)
                    .First();
            }

            return NearestName.Find(wanted, names);
        }

        private static string SimpleName(string metadataName) =>
            metadataName.Substring(Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1);

        private static ConfigFinding Finding(DeploymentUnit unit, string written, string problem, HandlerReference? suggestion) =>
            new(RuleCatalog.PF4005, unit, unit.Handler.Span!, Array.Empty<ConfigSpan>(), new[]
            {
                written,
                unit.Name,
                problem,
                suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?",
            });
    }
}
