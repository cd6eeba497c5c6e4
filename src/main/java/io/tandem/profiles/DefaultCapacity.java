package io.tandem.profiles;

/** Port: the number of mentees a new member takes by default in a workspace (a programme setting). */
public interface DefaultCapacity {

    int defaultCapacity(String workspace);
}
