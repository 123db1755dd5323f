using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;

namespace ChatApi;

/// <summary>Keeps the open sockets of each room and relays every message to the other members.</summary>
public sealed class ChatRoom
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, WebSocket>> rooms = new();

    public int CountMembers(string room) => rooms.TryGetValue(room, out var members) ? members.Count : 0;

    public async Task JoinAsync(string room, WebSocket socket, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var members = rooms.GetOrAdd(room, _ => new ConcurrentDictionary<Guid, WebSocket>());
        members[id] = socket;
        var buffer = new byte[4 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var message = Encoding.UTF8.GetString(buffer, 0, result.Count);
                await BroadcastAsync(members, id, message, cancellationToken);
            }
        }
        finally
        {
            members.TryRemove(id, out _);
        }
    }

    private static async Task BroadcastAsync(ConcurrentDictionary<Guid, WebSocket> members, Guid sender, string message, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(message);
        foreach (var (id, member) in members)
        {
            if (id != sender && member.State == WebSocketState.Open)
            {
                await member.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
    }
}
