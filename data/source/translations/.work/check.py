import json,sys,glob,os
src='/work/main/data/source/'
allr=[]
for f in ['organisations.json','organisations-extra-a.json','organisations-extra-b.json']:
    allr+=json.load(open(src+f))
ids=[r['id'] for r in allr]
lang=sys.argv[1]
have={}
for f in sorted(glob.glob(f'{lang}_*.json')):
    d=json.load(open(f))
    for k,v in d.items():
        assert k in ids,(f,k)
        assert k not in have,(f,'dup',k)
        assert v.strip(),(f,k)
        have[k]=v
missing=[i for i in ids if i not in have]
print(lang,len(have),'missing',len(missing), missing[:5])
if not missing and len(sys.argv)>2:
    out={i:{"description":have[i]} for i in ids}
    json.dump(out,open(f'../{lang}.json','w'),ensure_ascii=False,indent=2)
    print('written',lang)
