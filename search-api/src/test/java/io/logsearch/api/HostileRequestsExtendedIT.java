package io.logsearch.api;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Tag;

/** {@link HostileRequestsIT}'s properties with ten times the tries, in the extended suite. */
@Tag("extended")
@PropertyDefaults(tries = 2_000)
class HostileRequestsExtendedIT extends HostileRequestsIT {
}
