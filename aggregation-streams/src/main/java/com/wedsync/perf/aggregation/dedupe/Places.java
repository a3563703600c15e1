package com.wedsync.perf.aggregation.dedupe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where remembered ids counted — a route on a device class — each stored once and referred to by number, so the
 * id table holds an int instead of two strings per id. Routes are normalised, so there are few of them.
 */
public final class Places {

    private final Map<Place, Integer> numbers = new HashMap<>();
    private final List<Place> places = new ArrayList<>();

    public int numberOf(String route, String device) {
        Place place = new Place(route, device);
        Integer number = numbers.get(place);
        if (number == null) {
            number = places.size();
            places.add(place);
            numbers.put(place, number);
        }
        return number;
    }

    public String route(int number) {
        return places.get(number).route();
    }

    public String device(int number) {
        return places.get(number).device();
    }

    public int size() {
        return places.size();
    }

    public void clear() {
        numbers.clear();
        places.clear();
    }

    private record Place(String route, String device) {
    }
}
