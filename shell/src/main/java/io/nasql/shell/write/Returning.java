package io.nasql.shell.write;

import com.google.cloud.aiplatform.v1.NasJob;
import io.nasql.db.ProtoJson;
import io.nasql.shell.output.ListRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows a write prints about the jobs it touched, as RETURNING would. */
final class Returning {
    private Returning() {
    }

    static ListRows jobs(List<NasJob> jobs) {
        List<List<Object>> rows = new ArrayList<>();
        for (NasJob job : jobs) {
            var created = ProtoJson.time(job.getCreateTime());
            rows.add(Arrays.asList(job.getName().substring(job.getName().lastIndexOf('/') + 1), job.getName(), job.getDisplayName(),
                    job.getState().name(), created == null ? null : created.toString()));
        }
        return ListRows.ofText(List.of("nasJobsId", "name", "displayName", "state", "createTime"), rows);
    }
}
