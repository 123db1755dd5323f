using System;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The Amazon.Lambda.Annotations attributes with their real namespaces and property types (the package is not in
    /// the registry), as a metadata reference: the "restored" case. Tests of the unrestored case leave it out, and
    /// the attributes do not resolve.
    /// </summary>
    internal static class LambdaAnnotationsStubs
    {
        private static readonly Lazy<MetadataReference> Reference = new(() => StubAssembly.Emit("Amazon.Lambda.Annotations", """
            using System;

            namespace Amazon.Lambda.Annotations
            {
                public enum LambdaPackageType { Zip = 0, Image = 1 }

                [AttributeUsage(AttributeTargets.Method)]
                public class LambdaFunctionAttribute : Attribute
                {
                    public string ResourceName { get; set; }
                    public uint Timeout { get; set; }
                    public uint MemorySize { get; set; }
                    public string Role { get; set; }
                    public string Policies { get; set; }
                    public LambdaPackageType PackageType { get; set; }
                }

                [AttributeUsage(AttributeTargets.Assembly)]
                public class LambdaGlobalPropertiesAttribute : Attribute
                {
                    public bool GenerateMain { get; set; }
                    public string Runtime { get; set; }
                }
            }

            namespace Amazon.Lambda.Annotations.APIGateway
            {
                public enum LambdaHttpMethod { Any, Get, Post, Put, Patch, Head, Delete, Options }

                [AttributeUsage(AttributeTargets.Method)]
                public class RestApiAttribute : Attribute
                {
                    public RestApiAttribute(LambdaHttpMethod method, string template) { }
                }

                [AttributeUsage(AttributeTargets.Method)]
                public class HttpApiAttribute : Attribute
                {
                    public HttpApiAttribute(LambdaHttpMethod method, string template) { }
                }

                public enum FunctionUrlAuthType { NONE, AWS_IAM }

                [AttributeUsage(AttributeTargets.Method)]
                public class FunctionUrlAttribute : Attribute
                {
                    public FunctionUrlAuthType AuthType { get; set; }
                }
            }

            namespace Amazon.Lambda.Annotations.SQS
            {
                [AttributeUsage(AttributeTargets.Method)]
                public class SQSEventAttribute : Attribute
                {
                    public SQSEventAttribute(string queue) { }
                    public uint BatchSize { get; set; }
                }
            }
            """));

        public static MetadataReference Attributes => Reference.Value;

        /// <summary>
        /// The package as a restored repository has it (a reference), or as an unrestored one does not: its attributes
        /// do not resolve, and the compiler's errors about that are not what the test checks.
        /// </summary>
        public static ProjectAnalyzerTest<TAnalyzer> WithLambdaAnnotations<TAnalyzer>(this ProjectAnalyzerTest<TAnalyzer> test, bool restored)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            if (restored)
            {
                test.TestState.AdditionalReferences.Add(Attributes);
            }
            else
            {
                test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
            }

            return test;
        }
    }
}
