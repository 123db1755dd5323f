using System;
using System.Collections.Generic;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Binding
{
    /// <summary>
    /// A function a project declares in its own code (a Lambda Annotations <c>[LambdaFunction]</c> method), as the
    /// deploy tool would deploy it without any config file: <see cref="Unit"/> carries the values the code sets (each
    /// with its place in the source) and the tool's defaults for the rest; <see cref="Unit"/>'s name is the resource
    /// name the tool gives it.
    /// </summary>
    /// <param name="Unit">The unit, declared at the attribute.</param>
    /// <param name="Method">The attributed method (<c>Assembly::Namespace.Type::Method</c>): where the platform's calls land.</param>
    /// <param name="GeneratedTypeName">The wrapper type the tool generates and deploys as the handler type (<c>Namespace.Type_Method_Generated</c>).</param>
    public sealed record CodeDeclaredFunction(DeploymentUnit Unit, HandlerReference Method, string GeneratedTypeName);

    /// <summary>A function declared in code and the config unit the tool generated from it, which should agree.</summary>
    public sealed record GeneratedUnitPair(DeploymentUnit FromCode, DeploymentUnit Generated);

    /// <summary>What the project's code adds to its deployment, once joined with the units its config files declare.</summary>
    public sealed class CodeDeclaredUnits
    {
        /// <summary>The tool name Lambda Annotations writes into <c>Metadata.Tool</c> of the resources it manages.</summary>
        public const string LambdaAnnotationsTool = "Amazon.Lambda.Annotations";

        private CodeDeclaredUnits(IReadOnlyList<BoundUnit> units, IReadOnlyList<GeneratedUnitPair> generated)
        {
            Units = units;
            Generated = generated;
        }

        public static CodeDeclaredUnits None { get; } = new(Array.Empty<BoundUnit>(), Array.Empty<GeneratedUnitPair>());

        /// <summary>The functions no config file deploys: the code is their deployment.</summary>
        public IReadOnlyList<BoundUnit> Units { get; }

        /// <summary>The functions a generated template deploys, each with its template unit, for the drift check.</summary>
        public IReadOnlyList<GeneratedUnitPair> Generated { get; }

        /// <summary>
        /// Joins the functions declared in code with the units the project's config files declare; one unit per
        /// function, never two. A config unit deploys a function when its name is the function's resource name (the
        /// generated template, or a resource a person wrote under that name, which the generator then leaves alone) or
        /// when its handler names the function's generated wrapper or its method (a <c>serverless.yml</c> that deploys
        /// it). Such a function is the config unit's: the config is what CloudFormation or the Serverless Framework
        /// deploys. Only a config unit that Lambda Annotations itself manages (<c>Metadata.Tool</c>) is paired with
        /// the code for the drift check; every other function becomes a unit of its own.
        /// </summary>
        public static CodeDeclaredUnits Join(IReadOnlyList<BoundUnit> configUnits, IReadOnlyList<CodeDeclaredFunction> functions)
        {
            if (functions.Count == 0)
            {
                return None;
            }

            var units = new List<BoundUnit>();
            var generated = new List<GeneratedUnitPair>();
            foreach (var function in functions)
            {
                var deployedBy = DeployedBy(configUnits, function);
                if (deployedBy is null)
                {
                    if (!MayBeDeployedAsExecutable(configUnits, function))
                    {
                        units.Add(new BoundUnit(function.Unit, BindingEvidence.DeclaredInCode, function.Method));
                    }
                }
                else if (deployedBy.Tool.TryGetValue(out var tool) && string.Equals(tool, LambdaAnnotationsTool, StringComparison.Ordinal))
                {
                    generated.Add(new GeneratedUnitPair(function.Unit, deployedBy));
                }
            }

            return new CodeDeclaredUnits(units, generated);
        }

        /// <summary>
        /// With <c>GenerateMain</c> every function's handler is the assembly name, and the config picks the method with
        /// an environment variable (<c>ANNOTATIONS_HANDLER</c>): a config unit with that handler may deploy any of them,
        /// so none is counted again.
        /// </summary>
        private static bool MayBeDeployedAsExecutable(IReadOnlyList<BoundUnit> configUnits, CodeDeclaredFunction function)
        {
            var executable = function.Unit.Handler.State == ValueState.Unknown
                || (function.Unit.Handler.TryGetValue(out var handler) && HandlerReference.Parse(handler) is { IsExecutable: true });
            if (!executable)
            {
                return false;
            }

            foreach (var bound in configUnits)
            {
                if (bound.Handler is { IsExecutable: true })
                {
                    return true;
                }
            }

            return false;
        }

        private static DeploymentUnit? DeployedBy(IReadOnlyList<BoundUnit> configUnits, CodeDeclaredFunction function)
        {
            foreach (var bound in configUnits)
            {
                if (string.Equals(bound.Unit.Name, function.Unit.Name, StringComparison.Ordinal))
                {
                    return bound.Unit;
                }
            }

            foreach (var bound in configUnits)
            {
                if (bound.Handler is { IsExecutable: false } handler
                    && string.Equals(handler.MethodName, function.Method.MethodName, StringComparison.Ordinal)
                    && (string.Equals(handler.TypeName, function.GeneratedTypeName, StringComparison.Ordinal)
                        || string.Equals(handler.TypeName, function.Method.TypeName, StringComparison.Ordinal)))
                {
                    return bound.Unit;
                }
            }

            return null;
        }
    }
}
