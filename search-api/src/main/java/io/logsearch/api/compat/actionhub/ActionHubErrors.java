package io.logsearch.api.compat.actionhub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.logsearch.api.ApiProblem;
import io.logsearch.api.ErrorStyle;

/**
 * ActionHub's errors, as FastAPI writes them: {@code {"detail": "..."}}, and for invalid input a 422
 * {@code {"detail": [{"loc": [...], "msg": ..., "type": ...}]}}.
 */
public final class ActionHubErrors implements ErrorStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void write(Context ctx, ApiProblem problem) {
        ObjectNode body = JSON.createObjectNode();
        if (problem.status() == 422) {
            ArrayNode detail = body.putArray("detail");
            for (ApiProblem.FieldError error : problem.errors()) {
                ObjectNode item = detail.addObject();
                ArrayNode loc = item.putArray("loc");
                for (String part : error.field().split("\\.", 2)) {
                    loc.add(part);
                }
                item.put("msg", error.message()).put("type", "missing").putNull("input");
            }
        } else if (problem.status() == 401) {
            body.put("detail", "Not authenticated");
        } else {
            body.put("detail", problem.detail());
        }
        ctx.status(problem.status()).contentType("application/json").result(body.toString());
    }
}
