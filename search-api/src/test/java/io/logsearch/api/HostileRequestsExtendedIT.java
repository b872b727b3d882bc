package io.logsearch.api;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Tag;

/** {@link HostileRequestsIT}'s properties with three times the tries, in the extended suite. */
@Tag("extended")
@PropertyDefaults(tries = 600)
class HostileRequestsExtendedIT extends HostileRequestsIT {
}
