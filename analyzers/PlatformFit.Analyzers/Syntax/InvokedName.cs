using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.Syntax
{
    /// <summary>The name an invocation calls, as written: <c>UseWebSockets</c> in <c>app.UseWebSockets()</c>, <c>MapHub&lt;T&gt;</c> in <c>e.MapHub&lt;T&gt;(…)</c>.</summary>
    internal static class InvokedName
    {
        public static SimpleNameSyntax? Of(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };

        /// <summary>The expression an invocation is called on (<c>app</c> in <c>app.UseWebSockets()</c>); null for an unqualified call.</summary>
        public static ExpressionSyntax? ReceiverOf(ExpressionSyntax expression) => expression is MemberAccessExpressionSyntax member ? member.Expression : null;
    }
}
