package dockermcp.prompts;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/**
 * One MCP prompt: its listing and the text it renders. A prompt holds instructions naming the read-only tools, never
 * engine data: what the model then sees comes from tool calls, which take the audited, redacted, fenced path.
 */
interface DockerPrompt {

    McpSchema.Prompt prompt();

    /** The one user message, from arguments already checked by {@link PromptArgs}. */
    String text(PromptArgs args);

    static McpSchema.Prompt listing(String name, String title, String description, List<McpSchema.PromptArgument> arguments) {
        return new McpSchema.Prompt(name, title, description, arguments);
    }
}
